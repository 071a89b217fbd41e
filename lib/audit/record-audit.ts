import { auditLog } from '@/db/schema';
import type { Queryable } from '@/db';
import type { Ctx } from './context';

type AuditInput = {
  partnerId?: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Writes one audit entry; call it with the transaction that makes the change so both land or neither does. */
export async function recordAudit(q: Queryable, ctx: Ctx, entry: AuditInput): Promise<void> {
  await q.insert(auditLog).values({
    partnerId: entry.partnerId ?? null,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    ip: ctx.ip ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
