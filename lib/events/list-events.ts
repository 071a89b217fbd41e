import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { events } from '@/db/schema';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { cursorQuery, toPage, type ListParams, type Page } from '@/lib/pagination/cursor';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors/app-error';

/** Events are kept this long; the worker's housekeeping deletes older ones with their deliveries. */
export const eventRetentionMs = 30 * 24 * 60 * 60 * 1000;

export type EventView = { id: string; type: string; data: unknown; createdAt: Date };

const eventColumns = { id: events.id, type: events.type, data: events.data, createdAt: events.createdAt };

export type EventFilters = { type?: string };

/** The caller's events of the last 30 days, newest first. */
export async function listEvents(ctx: PartnerCtx, params: Partial<ListParams> & EventFilters = {}): Promise<Page<EventView>> {
  requirePartnerRole(ctx, 'member');
  const query = cursorQuery({ ...params, limit: params.limit ?? 20 });
  const { where, orderBy } = cursorClauses(events.id, query);
  const rows = await getDb()
    .select(eventColumns)
    .from(events)
    .where(and(eq(events.partnerId, ctx.partnerId), where, params.type ? eq(events.type, params.type) : undefined))
    .orderBy(orderBy)
    .limit(query.take);
  return toPage(rows, query);
}

export async function getEvent(ctx: PartnerCtx, eventId: string): Promise<EventView> {
  requirePartnerRole(ctx, 'member');
  const [row] = await getDb().select(eventColumns).from(events).where(and(eq(events.id, eventId), eq(events.partnerId, ctx.partnerId))).limit(1);
  if (!row) throw notFound('Event');
  return row;
}
