import { index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt } from './columns';
import { partners } from './partners';

/** Everything that happened that a partner may care about; kept 30 days; the source of webhook deliveries. */
export const events = pgTable(
  'events',
  {
    id: idColumn('event'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    data: jsonb('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('events_partner_idx').on(t.partnerId, t.id), index('events_partner_type_idx').on(t.partnerId, t.type, t.id), index('events_created_idx').on(t.createdAt)],
);

export const webhookEndpointStatus = pgEnum('webhook_endpoint_status', ['enabled', 'disabled']);

/**
 * The body a delivery carries: Switchboard's Standard Webhooks payload, or the shape of the platform a partner
 * migrated from (set by its compatibility face), so its receiver runs unchanged — signed and retried all the same.
 */
export const webhookPayloadFormat = pgEnum('webhook_payload_format', ['standard', 'uchat', 'flowmatix']);

export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: idColumn('webhookEndpoint'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description'),
    /** Event types delivered here; `*` for all. */
    eventTypes: jsonb('event_types').$type<string[]>().notNull(),
    status: webhookEndpointStatus('status').notNull().default('enabled'),
    disabledReason: text('disabled_reason'),
    /** `whsec_…` secrets, encrypted with ENCRYPTION_KEY (lib/crypto/secret-box.ts). */
    secretCiphertext: text('secret_ciphertext').notNull(),
    previousSecretCiphertext: text('previous_secret_ciphertext'),
    previousSecretExpiresAt: timestamp('previous_secret_expires_at', { withTimezone: true }),
    /** Set at the first failure of a run of failures, cleared by a success; long runs disable the endpoint. */
    failingSince: timestamp('failing_since', { withTimezone: true }),
    /** A WhatsApp channel's own webhook: it receives only that channel's events (`data.channel_id`). */
    channelId: text('channel_id'),
    payloadFormat: webhookPayloadFormat('payload_format').notNull().default('standard'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('webhook_endpoints_partner_idx').on(t.partnerId, t.id), index('webhook_endpoints_channel_idx').on(t.channelId)],
);

export const deliveryStatus = pgEnum('webhook_delivery_status', ['pending', 'delivering', 'succeeded', 'failed']);

/** One event to one endpoint: created with the event (outbox), carried out and retried by the worker. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: idColumn('webhookDelivery'),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    status: deliveryStatus('status').notNull().default('pending'),
    attemptCount: integer('attempt_count').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** While delivering: until when this worker owns it. A worker that dies simply lets the lease run out. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastResponseStatus: integer('last_response_status'),
    lastError: text('last_error'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.id),
    index('webhook_deliveries_endpoint_status_idx').on(t.endpointId, t.status, t.id),
    index('webhook_deliveries_event_idx').on(t.eventId),
  ],
);

export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: idColumn('webhookAttempt'),
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id').notNull(),
    responseStatus: integer('response_status'),
    responseBodyExcerpt: text('response_body_excerpt'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload'),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.id)],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type EventRow = typeof events.$inferSelect;
