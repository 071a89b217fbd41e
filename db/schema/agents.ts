import { sql } from 'drizzle-orm';
import { customType, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, type AnyPgColumn, boolean, date } from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, idColumn, updatedAt } from './columns';
import { numbers } from './numbers';
import { partners } from './partners';

export const agentStatus = pgEnum('agent_status', ['active', 'inactive']);
export const agentPermissionGroup = pgEnum('agent_permission_group', ['admin', 'supervisor', 'agent']);
export const agentDialPreference = pgEnum('agent_dial_preference', ['webrtc', 'phone']);
/** The availability state machine's states (lib/agents/availability.ts). */
export const agentAvailability = pgEnum('agent_availability', ['offline', 'available', 'ringing', 'on_call', 'wrap_up', 'break']);
/** What a person may choose by hand; the call states are the server's alone. */
export const agentManualAvailability = pgEnum('agent_manual_availability', ['offline', 'available', 'break']);

/**
 * A client's agent. Deactivating keeps the row (and its history); its extension stays taken so old call
 * records keep pointing at one person.
 */
export const agents = pgTable(
  'agents',
  {
    id: idColumn('agent'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone').notNull(),
    passwordHash: text('password_hash').notNull(),
    extension: text('extension').notNull(),
    reportingManagerId: text('reporting_manager_id').references((): AnyPgColumn => agents.id, { onDelete: 'set null' }),
    managerId: text('manager_id').references((): AnyPgColumn => agents.id, { onDelete: 'set null' }),
    webrtc: boolean('webrtc').notNull().default(true),
    dialPreference: agentDialPreference('dial_preference').notNull().default('webrtc'),
    /** The client's number the agent's outgoing calls show (update_agent_did); null: the client's flow number. */
    callerIdNumberId: text('caller_id_number_id').references(() => numbers.id, { onDelete: 'set null' }),
    permissionGroup: agentPermissionGroup('permission_group').notNull().default('agent'),
    status: agentStatus('status').notNull().default('active'),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    availability: agentAvailability('availability').notNull().default('offline'),
    availabilitySince: timestamp('availability_since', { withTimezone: true }).notNull().defaultNow(),
    /** A manual change asked for during a call: applied when the call ends. */
    queuedAvailability: agentManualAvailability('queued_availability'),
    /** What the agent's working hours said at the last check (`open`/`closed`), so only boundaries act. */
    hoursState: text('hours_state'),
    /** Set when working hours moved the agent offline: only such an agent is made available when hours begin. */
    offlineByHours: boolean('offline_by_hours').notNull().default(false),
    /** The day (Asia/Kolkata) the counters below count; they start again at zero on the next day's first call. */
    statsDay: date('stats_day', { mode: 'string' }),
    callsToday: integer('calls_today').notNull().default(0),
    talkSecondsToday: integer('talk_seconds_today').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('agents_client_extension_key').on(t.clientId, t.extension),
    uniqueIndex('agents_client_email_key').on(t.clientId, t.email),
    index('agents_partner_id_idx').on(t.partnerId, t.id),
    index('agents_partner_client_idx').on(t.partnerId, t.clientId, t.id),
    index('agents_partner_status_idx').on(t.partnerId, t.status, t.id),
    // The worker's look for wrap-ups that are due: only agents in wrap-up, oldest first.
    index('agents_wrap_up_since_idx').on(t.availabilitySince).where(sql`${t.availability} = 'wrap_up'`),
  ],
);

/** Each client's extension range; a client without a row uses the default (lib/agents/extensions.ts). */
export const agentExtensionRanges = pgTable('agent_extension_ranges', {
  clientId: text('client_id')
    .primaryKey()
    .references(() => clients.id, { onDelete: 'cascade' }),
  partnerId: text('partner_id')
    .notNull()
    .references(() => partners.id, { onDelete: 'cascade' }),
  first: integer('first').notNull(),
  last: integer('last').notNull(),
});

/** A client's WebSocket voice bot. The auth header is sealed (lib/crypto/secret-box.ts) and never read back. */
export const voiceBots = pgTable(
  'voice_bots',
  {
    id: idColumn('voiceBot'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    purpose: text('purpose').notNull(),
    apiUrl: text('api_url'),
    wssUrl: text('wss_url').notNull(),
    /** `Name: value`, sealed. */
    authHeaderCiphertext: text('auth_header_ciphertext'),
    /** What may be shown of it: the header's name and a mask. */
    authHeaderHint: text('auth_header_hint'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('voice_bots_partner_id_idx').on(t.partnerId, t.id), index('voice_bots_partner_client_idx').on(t.partnerId, t.clientId, t.id)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const recordingFormat = pgEnum('recording_format', ['wav', 'mp3']);

/** A client's uploaded audio (welcome messages), stored in PostgreSQL so both databases behave alike. */
export const recordings = pgTable(
  'recordings',
  {
    id: idColumn('recording'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    format: recordingFormat('format').notNull(),
    durationMs: integer('duration_ms').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sampleRate: integer('sample_rate'),
    channels: integer('channels'),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('recordings_partner_id_idx').on(t.partnerId, t.id), index('recordings_partner_client_idx').on(t.partnerId, t.clientId, t.id)],
);

export type Agent = typeof agents.$inferSelect;
export type VoiceBot = typeof voiceBots.$inferSelect;
export type Recording = typeof recordings.$inferSelect;
