import { createHash } from 'node:crypto';
import type { CallEvent, CallLeg, MaskingCarrier, MaskingSessionChange, MaskingSessionRequest, MaskingSessionResult } from './carrier-provider';

/**
 * The simulator's masking half: sessions are accepted at once (the carrier session id is derived from
 * Switchboard's reference, so asking twice answers the same), and a simulated call produces the call events a
 * carrier would post, decided by documented magic values so tests and partners can reach every outcome.
 */
export const maskingMagicValues = [
  { value: 'a party ending in 0009', effect: 'The carrier refuses to create the session (502 carrier_failed); nothing is allocated.' },
  { value: 'called party ending in 0002', effect: 'The bridged leg rings out unanswered (outcome no_answer, 0 s, not charged).' },
  { value: 'called party ending in 0003', effect: 'The bridged leg is busy (outcome busy, 0 s, not charged).' },
  { value: 'called party ending in 0004', effect: 'The call runs into the session’s call_time_limit and is cut there.' },
  { value: 'any other number', effect: 'Both legs are answered and last the requested duration (default 125 s).' },
] as const;

const refuses = (party: string) => party.endsWith('0009');

export class MaskingSimulator implements MaskingCarrier {
  readonly name = 'simulator';

  async createMaskingSession(request: MaskingSessionRequest): Promise<MaskingSessionResult> {
    if (refuses(request.firstParty) || refuses(request.secondParty)) return { status: 'failed', reason: 'The simulated carrier refused the session (magic value: a party ending in 0009).' };
    return { status: 'created', carrierSessionId: `sim_${createHash('sha256').update(request.reference).digest('hex').slice(0, 24)}` };
  }

  async updateMaskingSession(request: { carrierSessionId: string; reference: string; changes: MaskingSessionChange }): Promise<MaskingSessionResult> {
    const { firstParty, secondParty } = request.changes;
    if ((firstParty && refuses(firstParty)) || (secondParty && refuses(secondParty))) return { status: 'failed', reason: 'The simulated carrier refused the change (magic value: a party ending in 0009).' };
    return { status: 'updated', carrierSessionId: request.carrierSessionId };
  }

  async endMaskingSession(request: { carrierSessionId: string; reference: string }): Promise<MaskingSessionResult> {
    return { status: 'ended', carrierSessionId: request.carrierSessionId };
  }
}

export type SimulatedCall = {
  /** The session's reference (its id), echoed on every event as a carrier does. */
  reference: string;
  virtualNumber: string;
  /** Who dials the virtual number, and who the bridge then rings. */
  caller: { number: string; leg: Extract<CallLeg, 'first_party' | 'second_party'> };
  callee: { number: string; leg: Extract<CallLeg, 'first_party' | 'second_party'> };
  callTimeLimit: number;
  ringTimeout: number;
  record: boolean;
  /** Seconds the bridged call lasts once answered. */
  durationSeconds: number;
  /** A unique id for this call (the carrier's call id). */
  callId: string;
  startedAt: Date;
};

/**
 * The events of one bridged call: the caller's inbound leg to the virtual number and the outbound leg the
 * bridge places to the other party, each started, answered (or not) and ended, in the order a carrier sends them.
 */
export function simulatedCallEvents(call: SimulatedCall): CallEvent[] {
  const at = (seconds: number) => new Date(call.startedAt.getTime() + seconds * 1000).toISOString();
  const calleeOutcome = call.callee.number.endsWith('0002') ? 'no_answer' : call.callee.number.endsWith('0003') ? 'busy' : 'completed';
  const answered = calleeOutcome === 'completed';
  const cut = call.callee.number.endsWith('0004');
  const talk = answered ? (cut ? call.callTimeLimit : Math.min(call.durationSeconds, call.callTimeLimit)) : 0;
  const ring = answered ? 4 : calleeOutcome === 'busy' ? 1 : call.ringTimeout;
  const base = { callId: call.callId, sessionReference: call.reference, number: call.virtualNumber };
  const inbound = { ...base, legId: `${call.callId}-a`, leg: call.caller.leg, direction: 'inbound' as const, from: call.caller.number, to: call.virtualNumber };
  const outbound = { ...base, legId: `${call.callId}-b`, leg: call.callee.leg, direction: 'outbound' as const, from: call.virtualNumber, to: call.callee.number };
  const recordingUrl = answered && call.record ? `https://recordings.simulator.invalid/${call.callId}.mp3` : undefined;
  // The caller's leg is answered by the bridge at once and lasts the ringing plus the talk.
  const callerSeconds = ring + talk;
  const events: CallEvent[] = [
    { ...inbound, eventId: `${inbound.legId}-started`, type: 'call.started', occurredAt: at(0) },
    { ...inbound, eventId: `${inbound.legId}-answered`, type: 'call.answered', occurredAt: at(0) },
    { ...outbound, eventId: `${outbound.legId}-started`, type: 'call.started', occurredAt: at(0) },
  ];
  if (answered) events.push({ ...outbound, eventId: `${outbound.legId}-answered`, type: 'call.answered', occurredAt: at(ring) });
  events.push(
    { ...outbound, eventId: `${outbound.legId}-ended`, type: 'call.ended', occurredAt: at(ring + talk), durationSeconds: talk, outcome: calleeOutcome, recordingUrl },
    { ...inbound, eventId: `${inbound.legId}-ended`, type: 'call.ended', occurredAt: at(callerSeconds), durationSeconds: callerSeconds, outcome: answered ? 'completed' : 'cancelled', recordingUrl },
  );
  return events;
}
