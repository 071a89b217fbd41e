import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './columns';
import { partners } from './partners';

export const apiKeyMode = pgEnum('api_key_mode', ['live', 'test']);

/**
 * Partner API keys. Only a SHA-256 digest of the secret is kept (the key is 256 random bits, so a slow hash
 * adds nothing, and a digest can be found by index). `partnerId` is the partner the key acts on: the live
 * partner for `sk_live_` keys, its sandbox for `sk_test_` keys.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: idColumn('apiKey'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    mode: apiKeyMode('mode').notNull(),
    /** The first characters of the key (`sk_live_AbC…`), so people can tell keys apart. */
    displayPrefix: text('display_prefix').notNull(),
    secretDigest: text('secret_digest').notNull(),
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    createdBy: text('created_by'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** When the partner was warned that this key expires soon (once per key). */
    expiryWarnedAt: timestamp('expiry_warned_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('api_keys_secret_digest_key').on(t.secretDigest),
    index('api_keys_partner_idx').on(t.partnerId, t.createdAt),
    index('api_keys_expiry_warning_idx').on(t.expiresAt).where(sql`${t.revokedAt} is null and ${t.expiryWarnedAt} is null`),
  ],
);

export const idempotencyState = pgEnum('idempotency_state', ['running', 'done']);

/** Stored answers to requests sent with an Idempotency-Key, kept 24 hours. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestDigest: text('request_digest').notNull(),
    state: idempotencyState('state').notNull().default('running'),
    /**
     * When the request now running took the key. A claim older than the lease is presumed lost (crash) and may be
     * taken over; the value doubles as the holder's token, so a late finish cannot overwrite its successor.
     */
    lockedAt: timestamp('locked_at', { withTimezone: true }).notNull().defaultNow(),
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.key] }), index('idempotency_keys_expires_idx').on(t.expiresAt)],
);

/** Requests per partner per hour window, shared by every app instance (see lib/api/rate-limit.ts). */
export const rateLimitWindows = pgTable(
  'rate_limit_windows',
  {
    partnerId: text('partner_id').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.windowStart] })],
);

/** Recent API requests per partner, for the console's debugging view. Written in batches off the hot path. */
export const apiRequestLog = pgTable(
  'api_request_log',
  {
    id: idColumn('apiRequest'),
    partnerId: text('partner_id').notNull(),
    apiKeyId: text('api_key_id'),
    method: text('method').notNull(),
    path: text('path').notNull(),
    status: integer('status').notNull(),
    durationMs: integer('duration_ms').notNull(),
    requestId: text('request_id').notNull(),
    errorCode: text('error_code'),
    createdAt: createdAt(),
  },
  (t) => [
    index('api_request_log_partner_idx').on(t.partnerId, t.id),
    // A status class (`5xx`) is a range of statuses: rare ones are found here, then put in time order.
    index('api_request_log_partner_status_idx').on(t.partnerId, t.status, t.id),
    index('api_request_log_created_idx').on(t.createdAt),
  ],
);

export type ApiKey = typeof apiKeys.$inferSelect;
