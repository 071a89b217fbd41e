import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { sqlRows } from '@/lib/ledger/sql-rows';

/**
 * Adds a batch of not-yet-counted usage events to their hours and marks them counted, in one transaction: a
 * crash leaves both undone, a rerun finds nothing new to add, and two workers take disjoint batches (SKIP
 * LOCKED), so every event is counted exactly once. Returns how many events it counted.
 */
export async function rollUpUsageBatch(limit = 5000): Promise<number> {
  const rows = await getDb().transaction(async (tx) => {
    // Hours are upserted in key order, so two workers adding to the same hours cannot deadlock.
    return sqlRows<{ n: number }>(tx, sql`
      with batch as (
        select id from usage_events where not rolled_up order by id limit ${limit} for update skip locked
      ), marked as (
        update usage_events u set rolled_up = true from batch where u.id = batch.id
        returning u.partner_id, coalesce(u.client_id, '') as client_id, u.kind, u.channel, date_trunc('hour', u.occurred_at) as hour, u.quantity
      ), grouped as (
        select partner_id, client_id, kind, channel, hour, sum(quantity)::bigint as quantity, count(*)::int as events
        from marked group by partner_id, client_id, kind, channel, hour
      ), upserted as (
        insert into usage_hourly (partner_id, client_id, kind, channel, hour, quantity, events)
        select partner_id, client_id, kind, channel, hour, quantity, events from grouped
        order by partner_id, client_id, hour, kind, channel
        on conflict (partner_id, client_id, hour, kind, channel)
        do update set quantity = usage_hourly.quantity + excluded.quantity, events = usage_hourly.events + excluded.events
        returning events
      )
      select coalesce(sum(events), 0)::int as n from upserted`);
  });
  return Number(rows[0]?.n ?? 0);
}

/** The worker's job: counts everything waiting, a batch at a time. */
export async function rollUpUsage(limit = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const counted = await rollUpUsageBatch(limit);
    total += counted;
    if (counted < limit) return total;
  }
}
