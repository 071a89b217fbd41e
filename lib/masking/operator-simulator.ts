import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { clients, maskingSessions, partners } from '@/db/schema';
import type { Ctx } from '@/lib/audit/context';
import { requireOperator } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors/app-error';
import { isId } from '@/lib/ids';
import { maskNumber } from './mask-number';
import { simulateMaskingCallWithLegs } from './simulate-call';

/**
 * The operator console's call simulator: open masking sessions of every partner, soonest to expire first
 * (masking_sessions_expiry_idx), or of one partner (masking_sessions_partner_status_idx). The parties are
 * shown masked: the operator picks which party calls, never needs their numbers.
 */
export async function openSessionsForOperator(ctx: Ctx, options: { partnerId?: string; limit?: number } = {}) {
  requireOperator(ctx);
  const rows = await getDb()
    .select({ session: maskingSessions, partnerName: partners.name, partnerKind: partners.kind, clientName: clients.name })
    .from(maskingSessions)
    .innerJoin(partners, eq(partners.id, maskingSessions.partnerId))
    .innerJoin(clients, eq(clients.id, maskingSessions.clientId))
    .where(and(inArray(maskingSessions.status, ['active', 'in_progress']), options.partnerId ? eq(maskingSessions.partnerId, options.partnerId) : undefined))
    .orderBy(asc(maskingSessions.expiresAt))
    .limit(options.limit ?? 50);
  return rows.map(({ session, partnerName, partnerKind, clientName }) => ({
    id: session.id,
    partnerId: session.partnerId,
    partnerName,
    live: partnerKind === 'live',
    clientName,
    status: session.status,
    virtualNumber: session.virtualNumber,
    firstParty: maskNumber(session.firstParty),
    secondParty: maskNumber(session.secondParty),
    expiresAt: session.expiresAt,
    totalCallCount: session.totalCallCount,
    totalAmount: session.totalAmount,
  }));
}

/**
 * "Call the virtual number from party A" for any partner's session: runs the same simulator as a sandbox
 * (lib/masking/simulate-call.ts), acting as the operator inside the session's partner, so its legs, charges,
 * events and callbacks are the real ones — a live partner's client is charged as for a carrier's call.
 */
export async function simulateCallAsOperator(ctx: Ctx, input: { sessionId?: string; from?: string; duration_seconds?: string }) {
  requireOperator(ctx);
  const sessionId = input.sessionId ?? '';
  if (!isId('maskingSession', sessionId)) throw notFound('Masking session');
  const [session] = await getDb().select({ partnerId: maskingSessions.partnerId }).from(maskingSessions).where(eq(maskingSessions.id, sessionId)).limit(1);
  if (!session) throw notFound('Masking session');
  return simulateMaskingCallWithLegs({ ...ctx, partnerId: session.partnerId }, sessionId, { from: input.from, duration_seconds: input.duration_seconds });
}
