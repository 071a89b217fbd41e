import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, idColumn, updatedAt } from './columns';
import { ledgerSets } from './ledger';
import { maskingSessions } from './masking';
import { numbers } from './numbers';
import { partners } from './partners';

/** Where a leg is: `ringing` after `call.started`, `answered`, then `ended` with its outcome. */
export const callLegStatus = pgEnum('call_leg_status', ['ringing', 'answered', 'ended']);

/** Whether the ended leg was charged: `pending` until the ledger answered, `none` for a leg with nothing to bill. */
export const callChargeStatus = pgEnum('call_charge_status', ['pending', 'charged', 'none', 'failed']);

/**
 * One call leg, built from the call events a carrier (or the call simulator) sends: every ended leg is a call
 * record, charged once through the ledger at the client's retail per-minute price.
 */
export const callRecords = pgTable(
  'call_records',
  {
    id: idColumn('callRecord'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    numberId: text('number_id').references(() => numbers.id, { onDelete: 'set null' }),
    sessionId: text('session_id').references(() => maskingSessions.id, { onDelete: 'set null' }),
    carrierCallId: text('carrier_call_id').notNull(),
    carrierLegId: text('carrier_leg_id').notNull(),
    leg: text('leg').notNull(),
    direction: text('direction').notNull(),
    number: text('number').notNull(),
    fromNumber: text('from_number').notNull(),
    toNumber: text('to_number').notNull(),
    status: callLegStatus('status').notNull(),
    outcome: text('outcome'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    durationSeconds: integer('duration_seconds'),
    billedMinutes: integer('billed_minutes'),
    product: text('product'),
    /** The retail price charged to the client's wallet, paise. */
    amount: bigint('amount', { mode: 'bigint' }),
    chargeStatus: callChargeStatus('charge_status'),
    chargeId: text('charge_id').references(() => ledgerSets.id, { onDelete: 'set null' }),
    chargeError: text('charge_error'),
    recordingUrl: text('recording_url'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('call_records_leg_key').on(t.partnerId, t.carrierLegId),
    index('call_records_partner_idx').on(t.partnerId, t.id),
    index('call_records_partner_client_idx').on(t.partnerId, t.clientId, t.id),
    index('call_records_partner_session_idx').on(t.partnerId, t.sessionId, t.id),
    index('call_records_partner_number_idx').on(t.partnerId, t.number, t.id),
    // A flow call's legs, by the carrier's call id.
    index('call_records_partner_call_idx').on(t.partnerId, t.carrierCallId),
    // Legs ended but not yet charged (a crash between the two steps): the worker charges them.
    index('call_records_charge_pending_idx').on(t.updatedAt).where(sql`${t.chargeStatus} = 'pending'`),
  ],
);

/** Every call event accepted, by its `eventId`: a repeated delivery is recognised and ignored. Kept 30 days. */
export const callEvents = pgTable(
  'call_events',
  {
    id: idColumn('callEvent'),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    carrierLegId: text('carrier_leg_id').notNull(),
    partnerId: text('partner_id').references(() => partners.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('call_events_event_key').on(t.eventId), index('call_events_created_idx').on(t.createdAt)],
);

export type CallRecord = typeof callRecords.$inferSelect;
