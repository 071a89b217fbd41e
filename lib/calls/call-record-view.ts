import type { CallRecord, MaskingSession } from '@/db/schema';
import { maskNumber } from '@/lib/masking/mask-number';
import { isOpen } from '@/lib/masking/session-view';

/**
 * A call leg as the faces show it. A leg of a masking session shows the parties' numbers only while the
 * session is open; afterwards they are masked, as the session's own are. The virtual number is always shown.
 */
export function callRecordView(record: CallRecord, session: Pick<MaskingSession, 'status'> | null) {
  const hide = record.sessionId !== null && (!session || !isOpen(session));
  const show = (value: string) => (hide && value !== record.number ? maskNumber(value) : value);
  return {
    id: record.id,
    clientId: record.clientId,
    sessionId: record.sessionId,
    callId: record.carrierCallId,
    legId: record.carrierLegId,
    leg: record.leg,
    direction: record.direction,
    number: record.number,
    from: show(record.fromNumber),
    to: show(record.toNumber),
    status: record.status,
    outcome: record.outcome,
    startedAt: record.startedAt,
    answeredAt: record.answeredAt,
    endedAt: record.endedAt,
    durationSeconds: record.durationSeconds,
    billedMinutes: record.billedMinutes,
    product: record.product,
    amount: record.amount,
    chargeStatus: record.chargeStatus,
    chargeId: record.chargeId,
    chargeError: record.chargeError,
    recordingUrl: record.recordingUrl,
    createdAt: record.createdAt,
  };
}

export type CallRecordView = ReturnType<typeof callRecordView>;

const partyInEvent = (record: CallRecord, value: string) => (record.sessionId && value !== record.number ? maskNumber(value) : value);

export function callCompletedData(record: CallRecord, session: Pick<MaskingSession, 'status'> | null) {
  const view = callRecordView(record, session);
  return {
    id: view.id,
    client_id: view.clientId,
    session_id: view.sessionId,
    call_id: view.callId,
    leg: view.leg,
    direction: view.direction,
    number: view.number,
    // Events travel further than the console (webhooks, callbacks): a party's number in them is always masked.
    from: partyInEvent(record, record.fromNumber),
    to: partyInEvent(record, record.toNumber),
    outcome: view.outcome,
    duration_seconds: view.durationSeconds,
    billed_minutes: view.billedMinutes,
    product: view.product,
    amount: view.amount === null ? null : Number(view.amount),
    charge_status: view.chargeStatus,
    charge_id: view.chargeId,
  };
}
