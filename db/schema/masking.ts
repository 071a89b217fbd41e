import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, idColumn, updatedAt } from './columns';
import { numbers, numberType } from './numbers';
import { partners } from './partners';

/**
 * A session's life: `active` (either party may call the virtual number) → `in_progress` (a bridged call is up)
 * → back to `active` when it ends, until the session is `expired` (its `session_expiry` passed) or `ended`
 * (cancelled by the partner).
 */
export const maskingSessionStatus = pgEnum('masking_session_status', ['active', 'in_progress', 'expired', 'ended']);

/**
 * One masking session: two parties bridged over a virtual number of the client's masking pool. The parties'
 * numbers are kept in full only while the session is open; the faces mask them once it has ended.
 */
export const maskingSessions = pgTable(
  'masking_sessions',
  {
    id: idColumn('maskingSession'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    numberId: text('number_id')
      .notNull()
      .references(() => numbers.id, { onDelete: 'restrict' }),
    /** The pool number both parties call (E.164), copied so history survives the number's release. */
    virtualNumber: text('virtual_number').notNull(),
    firstParty: text('first_party').notNull(),
    secondParty: text('second_party').notNull(),
    status: maskingSessionStatus('status').notNull().default('active'),
    sessionExpiry: integer('session_expiry').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    callTimeLimit: integer('call_time_limit').notNull(),
    ringTimeout: integer('ring_timeout').notNull(),
    record: boolean('record').notNull().default(false),
    /** Played to both parties before a recorded call is bridged; a party who hangs up on it is not recorded. */
    consentPrompt: text('consent_prompt'),
    initiateCallToFirstParty: boolean('initiate_call_to_first_party').notNull().default(false),
    callbackUrl: text('callback_url'),
    /** The carrier that bridges its calls (`simulator`, `plivo`) and its id for the session. */
    carrier: text('carrier').notNull(),
    carrierSessionId: text('carrier_session_id'),
    totalCallCount: integer('total_call_count').notNull().default(0),
    totalBilledSeconds: integer('total_billed_seconds').notNull().default(0),
    /** What its legs cost the client, in paise (the sum of their charges). */
    totalAmount: bigint('total_amount', { mode: 'bigint' }).notNull().default(sql`0`),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** `cancelled` (the partner ended it) or `expired`. */
    endReason: text('end_reason'),
    lastInteractionAt: timestamp('last_interaction_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('masking_sessions_partner_idx').on(t.partnerId, t.id),
    index('masking_sessions_partner_status_idx').on(t.partnerId, t.status, t.id),
    index('masking_sessions_partner_client_idx').on(t.partnerId, t.clientId, t.id),
    index('masking_sessions_partner_number_idx').on(t.partnerId, t.virtualNumber, t.id),
    // The worker's expiry sweep.
    index('masking_sessions_expiry_idx').on(t.expiresAt).where(sql`${t.status} in ('active', 'in_progress')`),
    check('masking_sessions_limits', sql`${t.sessionExpiry} > 0 and ${t.callTimeLimit} > 0 and ${t.ringTimeout} > 0`),
  ],
);

/**
 * Which (virtual number, party) pairs open sessions hold: one row per party of a session. The partial unique
 * index is the allocation rule: a party can reach at most one session through one virtual number, so an
 * incoming call from a party on a number always finds exactly one session. Released when the session closes.
 */
export const maskingAllocations = pgTable(
  'masking_allocations',
  {
    id: idColumn('maskingAllocation'),
    sessionId: text('session_id')
      .notNull()
      .references(() => maskingSessions.id, { onDelete: 'cascade' }),
    numberId: text('number_id')
      .notNull()
      .references(() => numbers.id, { onDelete: 'cascade' }),
    party: text('party').notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('masking_allocations_active_key').on(t.numberId, t.party).where(sql`${t.releasedAt} is null`),
    index('masking_allocations_session_idx').on(t.sessionId),
    index('masking_allocations_party_idx').on(t.party).where(sql`${t.releasedAt} is null`),
  ],
);

export const maskingCallbackStatus = pgEnum('masking_callback_status', ['pending', 'succeeded', 'failed']);

/**
 * The session's `callback_url` notifications: an outbox row written with the change, sent by the worker as a
 * Standard Webhooks request signed with the session's callback secret, through the SSRF guard, retried on the
 * webhook schedule.
 */
export const maskingCallbacks = pgTable(
  'masking_callbacks',
  {
    id: idColumn('maskingCallback'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    sessionId: text('session_id')
      .notNull()
      .references(() => maskingSessions.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    type: text('type').notNull(),
    body: text('body').notNull(),
    status: maskingCallbackStatus('status').notNull().default('pending'),
    attemptCount: integer('attempt_count').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).defaultNow(),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('masking_callbacks_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`), index('masking_callbacks_session_idx').on(t.sessionId, t.id)],
);

/**
 * A client's masking pool settings. With `auto_buy`, a session the pool cannot serve buys the numbers the pool
 * needs from the inventory (charged to the client's wallet like any purchase) and is then opened, up to
 * `max_pool_size` numbers; without it, the answer stays 409 `pool_exhausted`.
 */
export const maskingPoolSettings = pgTable(
  'masking_pool_settings',
  {
    clientId: text('client_id')
      .primaryKey()
      .references(() => clients.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    autoBuy: boolean('auto_buy').notNull().default(false),
    maxPoolSize: integer('max_pool_size').notNull().default(10),
    /** What auto-buy looks for: a region (telecom circle code) or any, and a number type. */
    region: text('region'),
    type: numberType('type').notNull().default('local'),
    updatedAt: updatedAt(),
  },
  (t) => [index('masking_pool_settings_partner_idx').on(t.partnerId), check('masking_pool_settings_max', sql`${t.maxPoolSize} between 1 and 100`)],
);

export type MaskingSession = typeof maskingSessions.$inferSelect;
export type MaskingSessionStatus = (typeof maskingSessionStatus.enumValues)[number];
