import { and, desc, eq, gte, like, lte, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditLog } from '@/db/schema';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { cursorQuery, toPage, type ListParams, type Page } from '@/lib/pagination/cursor';
import { requirePartnerRole } from '@/lib/auth/permissions';
import type { ActorType, PartnerCtx } from './context';

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

export type AuditLogFilters = {
  /** An exact action (`webhook_endpoint.created`), or every action under a prefix (`webhook_endpoint.*`). */
  action?: string;
  target_id?: string;
  actor_type?: ActorType;
  created_gte?: Date | string;
  created_lte?: Date | string;
};

export type AuditEntryView = {
  id: string;
  actorType: ActorType;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  ip: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
};

const entryColumns = {
  id: auditLog.id,
  actorType: auditLog.actorType,
  actorId: auditLog.actorId,
  action: auditLog.action,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  ip: auditLog.ip,
  before: auditLog.before,
  after: auditLog.after,
  createdAt: auditLog.createdAt,
};

function actionFilter(action: string): SQL {
  if (!action.endsWith('.*')) return eq(auditLog.action, action);
  return like(auditLog.action, `${action.slice(0, -1).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/** One page of the caller's audit log, newest first. */
export async function listAuditLog(ctx: PartnerCtx, params: Partial<ListParams> & AuditLogFilters = {}): Promise<Page<AuditEntryView>> {
  requirePartnerRole(ctx, 'member');
  const query = cursorQuery({ ...params, limit: params.limit ?? 50 });
  const { where, orderBy } = cursorClauses(auditLog.id, query);
  const conditions: (SQL | undefined)[] = [eq(auditLog.partnerId, ctx.partnerId), where];
  if (params.action) conditions.push(actionFilter(params.action));
  if (params.target_id) conditions.push(eq(auditLog.targetId, params.target_id));
  if (params.actor_type) conditions.push(eq(auditLog.actorType, params.actor_type));
  if (params.created_gte) conditions.push(gte(auditLog.createdAt, new Date(params.created_gte)));
  if (params.created_lte) conditions.push(lte(auditLog.createdAt, new Date(params.created_lte)));
  const rows = await getDb().select(entryColumns).from(auditLog).where(and(...conditions)).orderBy(orderBy).limit(query.take);
  return toPage(rows, query);
}
