import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { callRecords, maskingSessions } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors/app-error';
import { isId } from '@/lib/ids';
import { loadSession } from '@/lib/masking/sessions';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { cursorQuery, toPage, type ListParams } from '@/lib/pagination/cursor';
import { callRecordView, type CallRecordView } from './call-record-view';

export type CallRecordFilters = { session_id?: string; client_id?: string; number?: string };

/** One page of call legs, newest first, by session, client or number; each a walk of a `(partner_id, …, id)` index. */
export async function listCallRecords(ctx: PartnerCtx, filters: CallRecordFilters & ListParams): Promise<{ data: CallRecordView[]; has_more: boolean }> {
  requirePartnerRole(ctx, 'member');
  const query = cursorQuery(filters);
  const { where: cursor, orderBy } = cursorClauses(callRecords.id, query);
  const conditions: (SQL | undefined)[] = [eq(callRecords.partnerId, ctx.partnerId), cursor];
  if (filters.session_id) conditions.push(eq(callRecords.sessionId, filters.session_id));
  if (filters.client_id) conditions.push(eq(callRecords.clientId, filters.client_id));
  if (filters.number) conditions.push(eq(callRecords.number, filters.number));
  const rows = await getDb().select().from(callRecords).where(and(...conditions)).orderBy(orderBy).limit(query.take);
  const page = toPage(rows, query);
  const sessionIds = [...new Set(page.data.map((r) => r.sessionId).filter((id): id is string => Boolean(id)))];
  const sessions = sessionIds.length ? await getDb().select({ id: maskingSessions.id, status: maskingSessions.status }).from(maskingSessions).where(and(eq(maskingSessions.partnerId, ctx.partnerId), inArray(maskingSessions.id, sessionIds))) : [];
  const statusOf = new Map(sessions.map((s) => [s.id, s]));
  return { data: page.data.map((r) => callRecordView(r, r.sessionId ? (statusOf.get(r.sessionId) ?? null) : null)), has_more: page.has_more };
}

/** A session's legs: the session must be the caller's (404 otherwise). */
export async function listSessionLegs(ctx: PartnerCtx, sessionId: string, params: ListParams) {
  requirePartnerRole(ctx, 'member');
  await loadSession(ctx.partnerId, sessionId);
  return listCallRecords(ctx, { ...params, session_id: sessionId });
}

export async function getCallRecord(ctx: PartnerCtx, callRecordId: string): Promise<CallRecordView> {
  requirePartnerRole(ctx, 'member');
  if (!isId('callRecord', callRecordId)) throw notFound('Call record');
  const [row] = await getDb().select().from(callRecords).where(and(eq(callRecords.partnerId, ctx.partnerId), eq(callRecords.id, callRecordId))).limit(1);
  if (!row) throw notFound('Call record');
  const [session] = row.sessionId ? await getDb().select({ status: maskingSessions.status }).from(maskingSessions).where(eq(maskingSessions.id, row.sessionId)).limit(1) : [];
  return callRecordView(row, session ?? null);
}
