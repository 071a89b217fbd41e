import { promises as dns } from 'node:dns';
import { and, inArray, isNull, lte, or } from 'drizzle-orm';
import { getDb } from '@/db';
import { sendingDomains } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import type { TxtResolver } from '@/lib/domains/verify-domain';
import { logger } from '@/lib/log/logger';
import { safeErrorStack } from '@/lib/log/safe-error';
import { checkDomain } from './manage-sending-domain';

/** How often every sending domain is looked up again: records get removed or edited long after verification. */
export const recheckIntervalMs = 6 * 60 * 60 * 1000;

/**
 * The worker's periodic re-check of sending domains, verified or not: a verified domain whose SPF or DKIM
 * record broke goes back to pending (mail goes from the platform's address again), with an event and an e-mail
 * to the partner's owners and admins; a pending one whose records appeared becomes verified. Rows are claimed by
 * moving their last check to now in a short transaction (SKIP LOCKED), so DNS is never asked inside one and two
 * workers never check the same domain.
 */
export async function recheckSendingDomains(options: { now?: Date; resolveTxt?: TxtResolver; limit?: number; partnerIds?: string[] } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const due = await getDb().transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(sendingDomains)
      .where(and(or(isNull(sendingDomains.lastCheckedAt), lte(sendingDomains.lastCheckedAt, new Date(now.getTime() - recheckIntervalMs))), options.partnerIds ? inArray(sendingDomains.partnerId, options.partnerIds) : undefined))
      .orderBy(sendingDomains.lastCheckedAt)
      .limit(options.limit ?? 50)
      .for('update', { skipLocked: true });
    if (rows.length) await tx.update(sendingDomains).set({ lastCheckedAt: now }).where(inArray(sendingDomains.id, rows.map((row) => row.id)));
    return rows;
  });
  for (const row of due) {
    try {
      await checkDomain({ ...systemCtx, partnerId: row.partnerId }, row, options.resolveTxt ?? dns.resolveTxt, now);
    } catch (error) {
      logger.error('sending domain re-check failed', { sendingDomainId: row.id, error: safeErrorStack(error) });
    }
  }
  return due.length;
}
