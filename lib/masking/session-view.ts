import type { MaskingSession } from '@/db/schema';
import { maskNumber } from './mask-number';

export const isOpen = (session: Pick<MaskingSession, 'status'>) => session.status === 'active' || session.status === 'in_progress';

/**
 * A session as the faces show it. The parties' numbers are shown in full only while the session is open;
 * after it has ended they are masked everywhere (console, REST, events, callbacks), so history never gives
 * a party's number away.
 */
export function sessionView(session: MaskingSession) {
  const show = (value: string) => (isOpen(session) ? value : maskNumber(value));
  return {
    id: session.id,
    clientId: session.clientId,
    status: session.status,
    virtualNumber: session.virtualNumber,
    firstParty: show(session.firstParty),
    secondParty: show(session.secondParty),
    sessionExpiry: session.sessionExpiry,
    expiresAt: session.expiresAt,
    callTimeLimit: session.callTimeLimit,
    ringTimeout: session.ringTimeout,
    record: session.record,
    consentPrompt: session.consentPrompt,
    initiateCallToFirstParty: session.initiateCallToFirstParty,
    callbackUrl: session.callbackUrl,
    carrier: session.carrier,
    totalCallCount: session.totalCallCount,
    totalBilledSeconds: session.totalBilledSeconds,
    totalAmount: session.totalAmount,
    endedAt: session.endedAt,
    endReason: session.endReason,
    lastInteractionAt: session.lastInteractionAt,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
  };
}

export type MaskingSessionView = ReturnType<typeof sessionView>;

/** What events and callbacks carry about a session: never a party's number in full. */
export function sessionEventData(session: MaskingSession) {
  return {
    id: session.id,
    client_id: session.clientId,
    status: session.status,
    virtual_number: session.virtualNumber,
    first_party: maskNumber(session.firstParty),
    second_party: maskNumber(session.secondParty),
    expires_at: session.expiresAt.toISOString(),
    total_call_count: session.totalCallCount,
    total_amount: Number(session.totalAmount),
    end_reason: session.endReason,
  };
}
