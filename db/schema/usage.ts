import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './columns';
import { ledgerSets } from './ledger';
import { partners } from './partners';

/**
 * What is metered. Minutes and requests are counts over time; `storage_bytes` is a level, metered as the
 * change each upload or removal made (so its sum up to an instant is what was stored then). `flow_executions`
 * counts calls a flow ran (one per inbound call that opened a flow call).
 */
export const usageKind = pgEnum('usage_kind', ['call_minutes', 'masking_minutes', 'messages', 'api_requests', 'storage_bytes', 'flow_executions']);

/**
 * One thing that happened and was metered, written in the transaction that made it happen. The idempotency
 * key (unique per partner) makes a replayed call event or a retried upload count once. A usage that was
 * charged names its ledger set, so each charge can be traced to what it paid for.
 */
export const usageEvents = pgTable(
  'usage_events',
  {
    id: idColumn('usageEvent'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    /** Null for a partner's own usage (its logo, API requests about no client). */
    clientId: text('client_id'),
    kind: usageKind('kind').notNull(),
    /** For messages, the channel (`whatsapp`, `sms`…) where known; '' otherwise, so rollup keys stay simple. */
    channel: text('channel').notNull().default(''),
    quantity: bigint('quantity', { mode: 'bigint' }).notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** What it was: a call record, a recording, an API request id. */
    sourceId: text('source_id'),
    chargeId: text('charge_id').references(() => ledgerSets.id, { onDelete: 'set null' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** Set when the hourly rollup has counted it; the rollup and the unrolled remainder never overlap. */
    rolledUp: boolean('rolled_up').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('usage_events_partner_key').on(t.partnerId, t.idempotencyKey),
    index('usage_events_client_time_idx').on(t.partnerId, t.clientId, t.occurredAt),
    // The rollup's queue and the reads of what it has not counted yet: small, whatever the table's size.
    index('usage_events_unrolled_idx').on(t.partnerId, t.clientId, t.occurredAt).where(sql`not ${t.rolledUp}`),
    index('usage_events_charge_idx').on(t.chargeId).where(sql`${t.chargeId} is not null`),
    index('usage_events_source_idx').on(t.partnerId, t.sourceId),
  ],
);

/** Usage per client, kind and channel per UTC hour (IST is a whole-half-hour offset, so hours map to IST hours). */
export const usageHourly = pgTable(
  'usage_hourly',
  {
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    /** '' for the partner's own usage, so the unique key needs no null handling. */
    clientId: text('client_id').notNull(),
    kind: usageKind('kind').notNull(),
    channel: text('channel').notNull().default(''),
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    quantity: bigint('quantity', { mode: 'bigint' }).notNull(),
    events: integer('events').notNull(),
  },
  (t) => [
    // Reads are one client's (or one partner's) hours over a range: this key serves them at any size.
    uniqueIndex('usage_hourly_key').on(t.partnerId, t.clientId, t.hour, t.kind, t.channel),
    index('usage_hourly_partner_hour_idx').on(t.partnerId, t.hour),
  ],
);

export type UsageKind = (typeof usageKind.enumValues)[number];
export type UsageEvent = typeof usageEvents.$inferSelect;
