import { and, asc, eq, lte, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { maskingSessions, partners } from '@/db/schema';
import { maskingCarrierNamed } from '@/lib/providers/carrier/masking-carrier';
import { closeSession } from './close-session';

/**
 * The worker's sweep: active sessions past their expiry are expired, and so is a session still marked
 * in progress once even its longest call (the call time limit) must be over. Claimed with SKIP LOCKED, so
 * several workers share the work; the carrier is told after the commit. Returns how many it expired.
 */
export async function expireMaskingSessions(now: Date = new Date(), limit = 100): Promise<number> {
  const expired = await getDb().transaction(async (tx) => {
    const due = await tx
      .select()
      .from(maskingSessions)
      .where(
        or(
          and(eq(maskingSessions.status, 'active'), lte(maskingSessions.expiresAt, now)),
          and(eq(maskingSessions.status, 'in_progress'), sql`${maskingSessions.expiresAt} + make_interval(secs => ${maskingSessions.callTimeLimit}) <= ${now.toISOString()}::timestamptz`),
        ),
      )
      .orderBy(asc(maskingSessions.expiresAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    const closed = [];
    for (const session of due) closed.push(await closeSession(tx, session, 'expired', 'expired', now));
    return closed;
  });
  for (const session of expired) {
    if (!session.carrierSessionId) continue;
    const [partner] = await getDb().select({ kind: partners.kind }).from(partners).where(eq(partners.id, session.partnerId)).limit(1);
    await maskingCarrierNamed(session.carrier, partner?.kind ?? 'live').endMaskingSession({ carrierSessionId: session.carrierSessionId, reference: session.id });
  }
  return expired.length;
}
