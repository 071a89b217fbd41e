import { and, asc, eq, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { callRecords, flowCalls, type FlowCall } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { callRecordView, type CallRecordView } from '@/lib/calls/call-record-view';
import { notFound } from '@/lib/errors/app-error';
import { isId } from '@/lib/ids';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { cursorQuery, toPage, type ListParams, type Page } from '@/lib/pagination/cursor';

export type FlowCallView = FlowCall & { legs: CallRecordView[]; amount: bigint };

/** A flow call with its legs (the call records of its carrier call id) and what they cost together. */
async function withLegs(call: FlowCall): Promise<FlowCallView> {
  const rows = await getDb().select().from(callRecords).where(and(eq(callRecords.partnerId, call.partnerId), eq(callRecords.carrierCallId, call.carrierCallId))).orderBy(asc(callRecords.id));
  const legs = rows.map((row) => callRecordView(row, null));
  return { ...call, legs, amount: rows.reduce((sum, row) => sum + (row.amount ?? 0n), 0n) };
}

export async function getFlowCall(ctx: PartnerCtx, flowCallId: string): Promise<FlowCallView> {
  requirePartnerRole(ctx, 'member');
  if (!isId('flowCall', flowCallId)) throw notFound('Flow call');
  const [row] = await getDb().select().from(flowCalls).where(and(eq(flowCalls.partnerId, ctx.partnerId), eq(flowCalls.id, flowCallId))).limit(1);
  if (!row) throw notFound('Flow call');
  return withLegs(row);
}

export async function flowCallByCarrierId(ctx: PartnerCtx, carrierCallId: string): Promise<FlowCallView | null> {
  const [row] = await getDb().select().from(flowCalls).where(and(eq(flowCalls.partnerId, ctx.partnerId), eq(flowCalls.carrierCallId, carrierCallId))).limit(1);
  return row ? withLegs(row) : null;
}

/** One page of calls through the caller's flows, newest first; by flow or number through (partner, …, id) indexes. */
export async function listFlowCalls(ctx: PartnerCtx, filters: { flowId?: string; numberId?: string } & Partial<ListParams> = {}): Promise<Page<FlowCall>> {
  requirePartnerRole(ctx, 'member');
  const query = cursorQuery({ ...filters, limit: filters.limit ?? 50 });
  const { where, orderBy } = cursorClauses(flowCalls.id, query);
  const conditions: (SQL | undefined)[] = [eq(flowCalls.partnerId, ctx.partnerId), where];
  if (filters.flowId) conditions.push(eq(flowCalls.flowId, filters.flowId));
  if (filters.numberId) conditions.push(eq(flowCalls.numberId, filters.numberId));
  const rows = await getDb().select().from(flowCalls).where(and(...conditions)).orderBy(orderBy).limit(query.take);
  return toPage(rows, query);
}
