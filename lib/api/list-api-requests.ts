import { and, asc, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { apiRequestLog } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { capFor, countUpTo, type CappedCount } from '@/lib/pagination/count-up-to';

export const statusClasses = ['2xx', '4xx', '5xx'] as const;
export type StatusClass = (typeof statusClasses)[number];

export type ApiRequestListOptions = {
  statusClass?: StatusClass;
  /** Default true. */
  newestFirst?: boolean;
  page?: number;
  pageSize?: number;
};

export type ApiRequestRow = {
  id: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  requestId: string;
  errorCode: string | null;
  apiKeyId: string | null;
  createdAt: Date;
};

function statusRange(statusClass: StatusClass): SQL {
  const floor = Number(statusClass[0]) * 100;
  return and(gte(apiRequestLog.status, floor), lt(apiRequestLog.status, floor + 100))!;
}

/**
 * Recent REST requests made with the caller's partner's keys, newest first, for the console's debugging view.
 * The log is per partner row, so a sandbox context sees test-key requests only and a live one live-key requests
 * only. Requests are written in batches about a second after they are answered.
 */
export async function listApiRequests(ctx: PartnerCtx, options: ApiRequestListOptions = {}): Promise<{ rows: ApiRequestRow[] } & CappedCount> {
  requirePartnerRole(ctx, 'member');
  const filters = [eq(apiRequestLog.partnerId, ctx.partnerId)];
  if (options.statusClass) filters.push(statusRange(options.statusClass));
  const where = and(...filters);
  const pageSize = Math.min(Math.max(options.pageSize ?? 50, 1), 200);
  const page = Math.max(1, options.page ?? 1);
  const db = getDb();
  const [rows, counted] = await Promise.all([
    db
      .select({
        id: apiRequestLog.id,
        method: apiRequestLog.method,
        path: apiRequestLog.path,
        status: apiRequestLog.status,
        durationMs: apiRequestLog.durationMs,
        requestId: apiRequestLog.requestId,
        errorCode: apiRequestLog.errorCode,
        apiKeyId: apiRequestLog.apiKeyId,
        createdAt: apiRequestLog.createdAt,
      })
      .from(apiRequestLog)
      .where(where)
      // Ids are time-ordered (UUIDv7) and indexed with the partner: time order without a sort step.
      .orderBy(options.newestFirst === false ? asc(apiRequestLog.id) : desc(apiRequestLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    // Every request is logged: a busy partner's log is long, so the count stops at a cap.
    countUpTo(db, apiRequestLog, where, capFor(page, pageSize)),
  ]);
  return { rows, ...counted };
}
