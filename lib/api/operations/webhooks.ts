import { z } from 'zod';
import type { AttemptView, DeliveryView } from '@/lib/webhooks/deliveries';
import type { WebhookEndpointView } from '@/lib/webhooks/manage-endpoints';
import { descriptionSchema, eventTypesSchema, webhookUrlSchema } from '@/lib/webhooks/schemas';
import { listParamsShape } from '@/lib/pagination/cursor';
import { defineOperation } from '../operation';
import { idOf, pageOf, timestamp } from '../schemas';
import { eventExample, eventResource, toEventResource } from './events';

const endpointFields = {
  object: z.literal('webhook_endpoint'),
  id: idOf('we', 'The endpoint’s id.'),
  url: z.string().meta({ description: 'Where deliveries are POSTed.' }),
  description: z.string().nullable(),
  event_types: z.array(z.string()).meta({ description: 'Event types delivered here; `["*"]` for all.' }),
  status: z.enum(['enabled', 'disabled']).meta({ description: 'Disabled endpoints receive nothing. We disable an endpoint that answers 410 Gone or fails for 5 days in a row.' }),
  disabled_reason: z.string().nullable().meta({ description: 'Why the endpoint is disabled, while it is.' }),
  failing_since: timestamp.nullable().meta({ description: 'Since when every delivery has failed; null after a success.' }),
  previous_secret_expires_at: timestamp.nullable().meta({ description: 'After a rotation: until when the previous secret still signs deliveries (a second signature).' }),
  payload_format: z.enum(['standard', 'uchat', 'flowmatix']).meta({ description: 'The body deliveries carry: `standard` (Standard Webhooks), or the shape of UChat or Flowmatix for an endpoint subscribed through that compatibility API. Signing, retries and logs are the same for all.' }),
  created_at: timestamp,
  updated_at: timestamp,
};

export const webhookEndpointResource = z.object(endpointFields).meta({ id: 'WebhookEndpoint' });

export const webhookEndpointWithSecretResource = z
  .object({
    ...endpointFields,
    secret: z.string().meta({ description: 'The signing secret (`whsec_…`). Shown in this response only: store it now.', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }),
  })
  .meta({ id: 'WebhookEndpointWithSecret' });

const endpointExample = {
  object: 'webhook_endpoint',
  id: 'we_01kaz3d4mqf2v8n6w0c1e5rj7t',
  url: 'https://hooks.acme.example/webhooks',
  description: 'Billing sync',
  event_types: ['client.activated', 'client.deactivated'],
  status: 'enabled',
  disabled_reason: null,
  failing_since: null,
  previous_secret_expires_at: null,
  payload_format: 'standard',
  created_at: '2026-11-20T10:00:00.000Z',
  updated_at: '2026-11-20T10:00:00.000Z',
};
const secretExample = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

const attemptResource = z
  .object({
    object: z.literal('webhook_attempt'),
    id: idOf('wha', 'The attempt’s id.'),
    attempted_at: timestamp,
    succeeded: z.boolean().meta({ description: 'True when the endpoint answered 2xx.' }),
    response_status: z.number().int().nullable().meta({ description: 'The HTTP status the endpoint answered; null when no answer came.' }),
    response_body_excerpt: z.string().nullable().meta({ description: 'The first 2 KB of the endpoint’s answer.' }),
    error: z.string().nullable().meta({ description: 'Why no answer came: refused, unreachable, timed out (15 s).' }),
    duration_ms: z.number().int(),
  })
  .meta({ id: 'WebhookAttempt' });

export const webhookDeliveryResource = z
  .object({
    object: z.literal('webhook_delivery'),
    id: idOf('whd', 'The delivery’s id.'),
    endpoint_id: idOf('we', 'The endpoint it goes to.'),
    status: z.enum(['pending', 'delivering', 'succeeded', 'failed']).meta({ description: '`pending` until the next attempt, `delivering` during one, then `succeeded` or `failed` (after 10 attempts over about 3 days, a 410, or a disabled endpoint).' }),
    attempt_count: z.number().int(),
    next_attempt_at: timestamp.nullable().meta({ description: 'When the next attempt is due, while the delivery is pending.' }),
    last_response_status: z.number().int().nullable(),
    last_error: z.string().nullable(),
    completed_at: timestamp.nullable(),
    created_at: timestamp,
    event: eventResource,
    attempts: z.array(attemptResource).meta({ description: 'Every attempt so far, oldest first.' }),
  })
  .meta({ id: 'WebhookDelivery' });

const deliveryExample = {
  object: 'webhook_delivery',
  id: 'whd_01kaz3d4mqf2v8n6w0c1e5rj7t',
  endpoint_id: 'we_01kaz3d4mqf2v8n6w0c1e5rj7t',
  status: 'succeeded',
  attempt_count: 2,
  next_attempt_at: null,
  last_response_status: 200,
  last_error: null,
  completed_at: '2026-11-22T09:30:06.000Z',
  created_at: '2026-11-22T09:30:00.000Z',
  event: eventExample,
  attempts: [
    { object: 'webhook_attempt', id: 'wha_01kaz3d4mqf2v8n6w0c1e5rj7t', attempted_at: '2026-11-22T09:30:01.000Z', succeeded: false, response_status: 503, response_body_excerpt: 'Service Unavailable', error: null, duration_ms: 84 },
    { object: 'webhook_attempt', id: 'wha_01kaz3d4mqf2v8n6w0c1e5rj7v', attempted_at: '2026-11-22T09:30:06.000Z', succeeded: true, response_status: 200, response_body_excerpt: 'ok', error: null, duration_ms: 61 },
  ],
};
const pendingDeliveryExample = { ...deliveryExample, status: 'pending', attempt_count: 0, next_attempt_at: '2026-11-22T09:30:00.000Z', last_response_status: null, completed_at: null, attempts: [] };

const endpointIdParams = z.strictObject({ endpoint_id: idOf('we', 'The endpoint’s id.') });
const deliveryIdParams = z.strictObject({ delivery_id: idOf('whd', 'The delivery’s id.') });

const signingNote =
  'Deliveries follow Standard Webhooks: a JSON body `{id, type, timestamp, data}` with `webhook-id` (the event id, the same on every retry), `webhook-timestamp` and `webhook-signature` headers, signed with HMAC-SHA256; any Standard Webhooks library verifies them.';

export const createWebhookEndpointOperation = defineOperation({
  method: 'POST',
  path: '/webhook_endpoints',
  operationId: 'createWebhookEndpoint',
  summary: 'Create a webhook endpoint',
  description: `Registers a URL to receive events. The response holds the endpoint’s signing secret, which is not shown again by the API. The URL must be https and reach a public address. ${signingNote}`,
  tag: 'Webhooks',
  scope: 'webhooks:write',
  body: z.strictObject({ url: webhookUrlSchema, description: descriptionSchema, event_types: eventTypesSchema }),
  bodyExample: { url: 'https://hooks.acme.example/webhooks', description: 'Billing sync', event_types: ['client.activated', 'client.deactivated'] },
  response: { status: 201, description: 'The endpoint, with its signing secret.', schema: webhookEndpointWithSecretResource, example: { ...endpointExample, secret: secretExample } },
  errors: ['validation_failed'],
});

export const listWebhookEndpointsOperation = defineOperation({
  method: 'GET',
  path: '/webhook_endpoints',
  operationId: 'listWebhookEndpoints',
  summary: 'List webhook endpoints',
  description: 'The partner’s webhook endpoints, newest first, without their secrets.',
  tag: 'Webhooks',
  scope: 'webhooks:read',
  query: z.strictObject({ ...listParamsShape }),
  response: { status: 200, description: 'A page of endpoints.', schema: pageOf(webhookEndpointResource), example: { object: 'list', data: [endpointExample], has_more: false } },
});

export const getWebhookEndpointOperation = defineOperation({
  method: 'GET',
  path: '/webhook_endpoints/{endpoint_id}',
  operationId: 'getWebhookEndpoint',
  summary: 'Get a webhook endpoint',
  description: 'One endpoint, without its secret. Another partner’s endpoint id answers 404.',
  tag: 'Webhooks',
  scope: 'webhooks:read',
  params: endpointIdParams,
  response: { status: 200, description: 'The endpoint.', schema: webhookEndpointResource, example: endpointExample },
  errors: ['not_found'],
});

export const updateWebhookEndpointOperation = defineOperation({
  method: 'PATCH',
  path: '/webhook_endpoints/{endpoint_id}',
  operationId: 'updateWebhookEndpoint',
  summary: 'Update a webhook endpoint',
  description: 'Changes the URL, description or event types, or disables and enables the endpoint. Enabling it again clears `disabled_reason` and `failing_since`. Fields left out stay as they are; `description: null` clears it.',
  tag: 'Webhooks',
  scope: 'webhooks:write',
  params: endpointIdParams,
  body: z.strictObject({
    url: webhookUrlSchema.optional(),
    description: descriptionSchema.optional(),
    event_types: eventTypesSchema.optional(),
    status: z.enum(['enabled', 'disabled']).optional(),
  }),
  bodyExample: { status: 'enabled' },
  response: { status: 200, description: 'The endpoint after the change.', schema: webhookEndpointResource, example: endpointExample },
  errors: ['not_found', 'validation_failed'],
});

export const deleteWebhookEndpointOperation = defineOperation({
  method: 'DELETE',
  path: '/webhook_endpoints/{endpoint_id}',
  operationId: 'deleteWebhookEndpoint',
  summary: 'Delete a webhook endpoint',
  description: 'Deletes the endpoint and its delivery history. Events stay listed under /events.',
  tag: 'Webhooks',
  scope: 'webhooks:write',
  params: endpointIdParams,
  response: {
    status: 200,
    description: 'The endpoint is gone.',
    schema: z.object({ object: z.literal('webhook_endpoint'), id: idOf('we', 'The deleted endpoint’s id.'), deleted: z.literal(true) }).meta({ id: 'DeletedWebhookEndpoint' }),
    example: { object: 'webhook_endpoint', id: endpointExample.id, deleted: true },
  },
  errors: ['not_found'],
});

export const rotateWebhookSecretOperation = defineOperation({
  method: 'POST',
  path: '/webhook_endpoints/{endpoint_id}/rotate_secret',
  operationId: 'rotateWebhookSecret',
  summary: 'Rotate an endpoint’s signing secret',
  description:
    'Replaces the signing secret and returns the new one, in this response only. For 24 hours deliveries carry two signatures in `webhook-signature`, one with each secret, so the receiver can switch over without missing any; after that only the new secret signs.',
  tag: 'Webhooks',
  scope: 'webhooks:write',
  params: endpointIdParams,
  response: {
    status: 200,
    description: 'The endpoint, with its new secret.',
    schema: webhookEndpointWithSecretResource,
    example: { ...endpointExample, previous_secret_expires_at: '2026-11-23T10:00:00.000Z', secret: secretExample },
  },
  errors: ['not_found'],
});

export const sendTestEventOperation = defineOperation({
  method: 'POST',
  path: '/webhook_endpoints/{endpoint_id}/test',
  operationId: 'sendTestWebhook',
  summary: 'Send a test event',
  description: 'Queues a `webhook_endpoint.test` event for this endpoint alone and answers with its delivery; follow it under the endpoint’s deliveries. A disabled endpoint answers 409.',
  tag: 'Webhooks',
  scope: 'webhooks:write',
  params: endpointIdParams,
  response: {
    status: 202,
    description: 'The queued delivery.',
    schema: webhookDeliveryResource,
    example: { ...pendingDeliveryExample, event: { ...eventExample, type: 'webhook_endpoint.test', data: { webhook_endpoint: { id: endpointExample.id, url: endpointExample.url }, message: 'A test event.' } } },
  },
  errors: ['not_found', 'conflict'],
});

export const listDeliveriesOperation = defineOperation({
  method: 'GET',
  path: '/webhook_endpoints/{endpoint_id}/deliveries',
  operationId: 'listWebhookDeliveries',
  summary: 'List an endpoint’s deliveries',
  description:
    'Deliveries to this endpoint, newest first, each with its event and every attempt (status, answer excerpt, error, duration). Failed attempts are retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h, or later when the endpoint answers with Retry-After.',
  tag: 'Webhooks',
  scope: 'webhooks:read',
  params: endpointIdParams,
  query: z.strictObject({ ...listParamsShape, status: z.enum(['pending', 'delivering', 'succeeded', 'failed']).optional().meta({ description: 'Only deliveries in this status.' }) }),
  response: { status: 200, description: 'A page of deliveries.', schema: pageOf(webhookDeliveryResource), example: { object: 'list', data: [deliveryExample], has_more: false } },
  errors: ['not_found'],
});

export const getDeliveryOperation = defineOperation({
  method: 'GET',
  path: '/webhook_deliveries/{delivery_id}',
  operationId: 'getWebhookDelivery',
  summary: 'Get a delivery',
  description: 'One delivery with its event and attempts. Another partner’s delivery id answers 404.',
  tag: 'Webhooks',
  scope: 'webhooks:read',
  params: deliveryIdParams,
  response: { status: 200, description: 'The delivery.', schema: webhookDeliveryResource, example: deliveryExample },
  errors: ['not_found'],
});

export const resendDeliveryOperation = defineOperation({
  method: 'POST',
  path: '/webhook_deliveries/{delivery_id}/resend',
  operationId: 'resendWebhookDelivery',
  summary: 'Resend a delivery',
  description: 'Queues the delivery’s event for its endpoint again, as a new delivery due now. It keeps the event id (`webhook-id`), so a receiver can tell it has seen it. A disabled endpoint answers 409.',
  tag: 'Webhooks',
  scope: 'webhooks:write',
  params: deliveryIdParams,
  response: { status: 202, description: 'The new delivery.', schema: webhookDeliveryResource, example: pendingDeliveryExample },
  errors: ['not_found', 'conflict'],
});

// ——— domain → API resource ———

export function toWebhookEndpointResource(endpoint: WebhookEndpointView) {
  return {
    object: 'webhook_endpoint' as const,
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    event_types: endpoint.eventTypes,
    status: endpoint.status,
    disabled_reason: endpoint.disabledReason,
    failing_since: endpoint.failingSince,
    previous_secret_expires_at: endpoint.previousSecretExpiresAt,
    payload_format: endpoint.payloadFormat,
    created_at: endpoint.createdAt,
    updated_at: endpoint.updatedAt,
  };
}

export function withSecret({ endpoint, secret }: { endpoint: WebhookEndpointView; secret: string }) {
  return { ...toWebhookEndpointResource(endpoint), secret };
}

function toAttemptResource(attempt: AttemptView) {
  return {
    object: 'webhook_attempt' as const,
    id: attempt.id,
    attempted_at: attempt.attemptedAt,
    succeeded: attempt.succeeded,
    response_status: attempt.responseStatus,
    response_body_excerpt: attempt.responseBodyExcerpt,
    error: attempt.error,
    duration_ms: attempt.durationMs,
  };
}

export function toDeliveryResource(delivery: DeliveryView) {
  return {
    object: 'webhook_delivery' as const,
    id: delivery.id,
    endpoint_id: delivery.endpointId,
    status: delivery.status,
    attempt_count: delivery.attemptCount,
    next_attempt_at: delivery.nextAttemptAt,
    last_response_status: delivery.lastResponseStatus,
    last_error: delivery.lastError,
    completed_at: delivery.completedAt,
    created_at: delivery.createdAt,
    event: toEventResource(delivery.event),
    attempts: delivery.attempts.map(toAttemptResource),
  };
}
