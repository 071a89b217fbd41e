import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { agents, flowCalls, partners, type FlowCall } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { ingestCallEvent } from '@/lib/calls/ingest-call-events';
import { AppError, forbidden, invalid } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { environmentOf } from '@/lib/numbers/environment';
import { numberRefSchema, ownNumber } from '@/lib/numbers/number-lookup';
import type { CallEvent } from '@/lib/providers/carrier/carrier-provider';
import { flowCallByCarrierId, type FlowCallView } from './flow-calls';
import { isExtension } from './manage-flows';
import { currentFlowOfNumber } from './map-flow';
import { simulateFlowCallSchema, type SimulateFlowCallInput } from './schemas';

const ringSeconds = 20;
const closedMessageSeconds = 12;

/**
 * The call simulator for flows: "ring this number". It plays the switch: it sends the caller's leg, then reads
 * where the flow put the call and sends the leg that stage waits for (the bot's stream, the agent's phone, the
 * transfer target), as answered or not as asked, until the flow is done; then the caller hangs up. Every
 * event goes through the same ingestion as the carrier's, so the path, legs, charges and the agent's
 * availability are the real ones. On an outbound leg the caller sees the client's number (the flow's own)
 * as caller id when the call leaves for an outside number, and the caller's own number when it rings one of
 * the client's agents (so the agent sees who calls).
 */
export async function simulateFlowCall(ctx: PartnerCtx, numberRef: unknown, input: Untrusted<SimulateFlowCallInput> = {}): Promise<FlowCallView> {
  requirePartnerRole(ctx, 'admin');
  const ref = parseInput(numberRefSchema, numberRef);
  const data = parseInput(simulateFlowCallSchema, input);
  const db = getDb();
  const [partner] = await db.select({ kind: partners.kind }).from(partners).where(eq(partners.id, ctx.partnerId)).limit(1);
  if (partner?.kind !== 'sandbox' && ctx.actor.type !== 'operator' && ctx.actor.type !== 'system') throw forbidden('The call simulator runs in test mode (or from the operator console); live calls come from the carrier.');
  const number = await ownNumber(db, ctx.partnerId, await environmentOf(db, ctx.partnerId), ref);
  if (number.status !== 'assigned') throw invalid('number', 'This number is not assigned to a client.');
  const flow = await currentFlowOfNumber(db, number.id);
  if (!flow) throw new AppError('conflict', 'This number runs no flow: map a flow to it first.', { number: 'This number runs no flow: map a flow to it first.' });
  const from = data.from ?? `+9198${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const callId = `sim-${randomUUID()}`;
  const start = data.at ? new Date(data.at).getTime() : Date.now();
  let clock = start;
  const send = (leg: { id: string; kind: CallEvent['leg']; direction: CallEvent['direction']; from: string; to: string }, type: CallEvent['type'], extra: Partial<CallEvent> = {}) =>
    ingestCallEvent({ eventId: `${leg.id}:${type}`, type, callId, legId: leg.id, leg: leg.kind, direction: leg.direction, number: number.e164, from: leg.from, to: leg.to, occurredAt: new Date(clock).toISOString(), ...extra });
  const caller = { id: `${callId}-in`, kind: 'inbound' as const, direction: 'inbound' as const, from, to: number.e164 };
  await send(caller, 'call.started');
  await send(caller, 'call.answered');
  const load = async (): Promise<FlowCall | undefined> => (await db.select().from(flowCalls).where(and(eq(flowCalls.partnerId, ctx.partnerId), eq(flowCalls.carrierCallId, callId))).limit(1))[0];
  let call = await load();
  for (let legNo = 1; call && legNo <= 3; legNo++) {
    const stage = call.stage;
    if (stage === 'closed' || stage === 'done') {
      if (stage === 'closed') clock += closedMessageSeconds * 1000;
      break;
    }
    clock += 2000;
    let to: string;
    if (stage === 'bot') to = number.e164;
    else if (stage === 'transfer' && flow.transferTo && !isExtension(flow.transferTo)) to = flow.transferTo;
    else {
      const [agent] = call.agentId ? await db.select({ phone: agents.phone }).from(agents).where(eq(agents.id, call.agentId)).limit(1) : [];
      to = agent?.phone ?? number.e164;
    }
    const leg = { id: `${callId}-out${legNo}`, kind: 'outbound' as const, direction: 'outbound' as const, from: stage === 'transfer' && to === flow.transferTo ? number.e164 : from, to };
    const answers = stage === 'bot' ? data.bot === 'handles' : stage === 'agent' ? data.agent === 'answer' : data.transfer === 'answer';
    await send(leg, 'call.started');
    if (answers) {
      clock += 6000;
      await send(leg, 'call.answered');
      clock += data.talkSeconds * 1000;
      await send(leg, 'call.ended', { durationSeconds: data.talkSeconds, outcome: 'completed' });
    } else {
      clock += stage === 'bot' ? 1000 : ringSeconds * 1000;
      const outcome = stage === 'bot' ? 'failed' : stage === 'agent' && data.agent === 'busy' ? 'busy' : 'no_answer';
      await send(leg, 'call.ended', { durationSeconds: 0, outcome });
    }
    call = await load();
  }
  clock += 1000;
  await send(caller, 'call.ended', { durationSeconds: Math.round((clock - start) / 1000), outcome: 'completed' });
  return (await flowCallByCarrierId(ctx, callId))!;
}
