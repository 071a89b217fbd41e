import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, idColumn, updatedAt } from './columns';
import { partners } from './partners';

/** TRIAL runs on its trial length without days; LIVE runs on days allocated from the partner's day balance. */
export const channelMode = pgEnum('channel_mode', ['trial', 'live']);

/** Whether the channel runs: `stopped` past `active_till` (until extended); `deleted` keeps the row for the books. */
export const channelStatus = pgEnum('channel_status', ['active', 'stopped', 'deleted']);

/**
 * The phone's link to the gateway: `initialising` → `waiting_for_scan` (a QR or pairing code is out) →
 * `authenticated` → `connected`, or `failed` (no scan in time, gateway error) / `logged_out` (the phone removed
 * the device). `connection_reason` says why for the last two.
 */
export const channelConnection = pgEnum('channel_connection', ['initialising', 'waiting_for_scan', 'authenticated', 'connected', 'failed', 'logged_out']);

export const channels = pgTable(
  'channels',
  {
    id: idColumn('channel'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    mode: channelMode('mode').notNull().default('trial'),
    status: channelStatus('status').notNull().default('active'),
    connection: channelConnection('connection').notNull().default('initialising'),
    connectionReason: text('connection_reason'),
    /** The phone number connected (or asked for a pairing code), E.164. */
    phone: text('phone'),
    trialDays: integer('trial_days').notNull(),
    activeTill: timestamp('active_till', { withTimezone: true }).notNull(),
    /**
     * Days this channel holds in the client's channel-day account (allocated less reclaimed and returned). After
     * a delete it is what the channel used; the sum over a client's channels equals that account's balance.
     */
    daysHeld: integer('days_held').notNull().default(0),
    daysReclaimed: integer('days_reclaimed').notNull().default(0),
    /** The smallest warning (in days before `active_till`) already sent for the current `active_till`. */
    warnedDays: integer('warned_days'),
    /** The channel's own API token: only its SHA-256 digest and last four characters are kept. */
    tokenDigest: text('token_digest').notNull(),
    tokenHint: text('token_hint').notNull(),
    /** Which gateway holds it and under what id; the gateway's own channel token, sealed with ENCRYPTION_KEY. */
    gateway: text('gateway').notNull(),
    gatewayId: text('gateway_id').notNull(),
    gatewayTokenCiphertext: text('gateway_token_ciphertext'),
    connectedAt: timestamp('connected_at', { withTimezone: true }),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('channels_partner_idx').on(t.partnerId, t.id),
    index('channels_partner_client_idx').on(t.partnerId, t.clientId, t.id),
    index('channels_partner_status_idx').on(t.partnerId, t.status, t.id),
    index('channels_partner_mode_idx').on(t.partnerId, t.mode, t.id),
    // The worker's sweep: running channels by when they run out.
    index('channels_due_idx').on(t.activeTill).where(sql`${t.status} = 'active'`),
    // The worker's connection check: running channels with a login under way or a phone linked.
    index('channels_open_connection_idx').on(t.connection).where(sql`${t.status} = 'active'`),
    uniqueIndex('channels_token_digest_key').on(t.tokenDigest),
  ],
);

export type Channel = typeof channels.$inferSelect;

/**
 * The gateway simulator's own state (the embedded default, sandboxes and tests): what a real gateway keeps on
 * its side, kept in the database so the server and the worker see the same QR rotation and logins.
 */
export const simulatedGatewayChannels = pgTable('simulated_gateway_channels', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  mode: text('mode').notNull().default('trial'),
  stopped: boolean('stopped').notNull().default(false),
  /** When the current login began (the first QR or pairing code); null when no login is under way. */
  loginStartedAt: timestamp('login_started_at', { withTimezone: true }),
  pairingPhone: text('pairing_phone'),
  authenticatedAt: timestamp('authenticated_at', { withTimezone: true }),
  phone: text('phone'),
  loggedOutAt: timestamp('logged_out_at', { withTimezone: true }),
  failedReason: text('failed_reason'),
  createdAt: createdAt(),
});
