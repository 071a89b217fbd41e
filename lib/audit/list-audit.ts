import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditLog } from '@/db/schema';
import type { PartnerCtx } from './context';

/** The newest audit entries of the caller's partner, optionally for one target. */
export async function listPartnerAudit(ctx: PartnerCtx, options: { targetId?: string; limit?: number } = {}) {
  const filters = [eq(auditLog.partnerId, ctx.partnerId)];
  if (options.targetId) filters.push(eq(auditLog.targetId, options.targetId));
  return getDb()
    .select()
    .from(auditLog)
    .where(and(...filters))
    .orderBy(desc(auditLog.id))
    .limit(Math.min(options.limit ?? 50, 200));
}
