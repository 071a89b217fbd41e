import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Queryable } from '@/db';
import { clients, usageKind, type UsageKind } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors/app-error';
import type { Untrusted } from '@/lib/errors/zod';
import { isId } from '@/lib/ids';
import { sqlRows } from '@/lib/ledger/sql-rows';
import { reportPeriod, type ReportPeriod, type reportPeriodSchema } from './report-period';
import type { z } from 'zod';

export const usageKinds = usageKind.enumValues;

export type UsageTotals = Record<UsageKind, bigint>;
export type UsageDay = { day: string; kind: UsageKind; channel: string; quantity: bigint };
export type ClientUsage = {
  clientId: string;
  period: ReportPeriod;
  /** Minutes, messages and requests in the period; storage is the level at its end (bytes). */
  totals: UsageTotals;
  messagesByChannel: { channel: string; quantity: bigint }[];
  /** One row per IST day and kind (and channel) that had usage; storage rows are that day's change. */
  days: UsageDay[];
  /** Storage at the period's start, so a chart can draw the level from the daily changes. */
  storageAtStart: bigint;
  /** Usage that was charged, and the ledger charges it names. */
  charged: { events: number; charges: number };
};

export const zeroTotals = (): UsageTotals => Object.fromEntries(usageKinds.map((kind) => [kind, 0n])) as UsageTotals;

/**
 * Usage of one client (`clientId`) or of a whole partner (`clientId` null: every client and its own) per IST day,
 * read as the hourly rollup plus the events it has not counted yet, in one statement so an event being rolled
 * up meanwhile is counted in exactly one of the two.
 */
export async function usageByDay(db: Queryable, partnerId: string | null, clientId: string | null, period: ReportPeriod): Promise<UsageDay[]> {
  const scope = sql.join([partnerId ? sql`partner_id = ${partnerId}` : sql`partner_id in (select id from partners where kind = 'live')`, clientId ? sql`client_id = ${clientId}` : sql`true`], sql` and `);
  const [hourlyScope, eventScope] = [scope, scope];
  const rows = await sqlRows<{ day: string; kind: UsageKind; channel: string; quantity: string }>(
    db,
    sql`select to_char(t at time zone 'Asia/Kolkata', 'YYYY-MM-DD') as day, kind, channel, sum(quantity)::text as quantity from (
        select hour as t, kind, channel, quantity from usage_hourly where ${hourlyScope} and hour >= ${period.start.toISOString()}::timestamptz and hour < ${period.end.toISOString()}::timestamptz
        union all
        select occurred_at as t, kind, channel, quantity from usage_events where not rolled_up and ${eventScope} and occurred_at >= ${period.start.toISOString()}::timestamptz and occurred_at < ${period.end.toISOString()}::timestamptz
      ) u group by 1, 2, 3 order by 1, 2, 3`,
  );
  return rows.map((row) => ({ day: row.day, kind: row.kind, channel: row.channel, quantity: BigInt(row.quantity) }));
}

/** Storage stored before an instant: the sum of every change up to then. */
async function storageBefore(db: Queryable, partnerId: string, clientId: string, before: Date): Promise<bigint> {
  const [row] = await sqlRows<{ bytes: string }>(
    db,
    sql`select coalesce(sum(quantity), 0)::text as bytes from (
        select quantity from usage_hourly where partner_id = ${partnerId} and client_id = ${clientId} and kind = 'storage_bytes' and hour < ${before.toISOString()}::timestamptz
        union all
        select quantity from usage_events where not rolled_up and partner_id = ${partnerId} and client_id = ${clientId} and kind = 'storage_bytes' and occurred_at < ${before.toISOString()}::timestamptz
      ) s`,
  );
  return BigInt(row?.bytes ?? '0');
}

/** Sums daily rows into totals; storage's changes are added to the level at the start. */
export function totalsOf(days: UsageDay[], storageAtStart = 0n): UsageTotals {
  const totals = zeroTotals();
  totals.storage_bytes = storageAtStart;
  for (const row of days) totals[row.kind] += row.quantity;
  return totals;
}

/** A client's usage over a period (Flowmatix: customer usage statistics). Another partner's client is a 404. */
export async function clientUsage(ctx: PartnerCtx, clientId: string, input: Untrusted<z.input<typeof reportPeriodSchema>> = {}, now: Date = new Date()): Promise<ClientUsage> {
  requirePartnerRole(ctx, 'member');
  const period = reportPeriod(input, now);
  if (!isId('client', clientId)) throw notFound('Client');
  const db = getDb();
  const [client] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.id, clientId), eq(clients.partnerId, ctx.partnerId)));
  if (!client) throw notFound('Client');
  const [days, storageAtStart, [charged]] = await Promise.all([
    usageByDay(db, ctx.partnerId, clientId, period),
    storageBefore(db, ctx.partnerId, clientId, period.start),
    sqlRows<{ events: number; charges: number }>(
      db,
      sql`select count(*)::int as events, count(distinct charge_id)::int as charges from usage_events
        where partner_id = ${ctx.partnerId} and client_id = ${clientId} and charge_id is not null and occurred_at >= ${period.start.toISOString()}::timestamptz and occurred_at < ${period.end.toISOString()}::timestamptz`,
    ),
  ]);
  const channels = new Map<string, bigint>();
  for (const row of days) if (row.kind === 'messages') channels.set(row.channel || 'unknown', (channels.get(row.channel || 'unknown') ?? 0n) + row.quantity);
  return {
    clientId,
    period,
    totals: totalsOf(days, storageAtStart),
    messagesByChannel: [...channels].map(([channel, quantity]) => ({ channel, quantity })),
    days,
    storageAtStart,
    charged: { events: charged?.events ?? 0, charges: charged?.charges ?? 0 },
  };
}
