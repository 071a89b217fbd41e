import { z } from 'zod';
import { createWebhookEndpointOperation, withSecret } from '@/lib/api/operations/webhooks';
import { createWebhookEndpoint } from '@/lib/webhooks/manage-endpoints';
import { available, optionalText, requiredText } from '../endpoint';
import { flowmatixEvents, switchboardTypeOf, type FlowmatixEventName } from '../webhook-payload';

/**
 * Flowmatix says partners "can subscribe" to its five events but documents no endpoint for it, so this face adds
 * one: a webhook endpoint whose deliveries carry Flowmatix's event names and body, signed, retried and logged by
 * Switchboard's webhook engine.
 */

export const subscribeWebhook = available({
  group: 'Webhook Events',
  method: 'POST',
  path: 'webhooks',
  summary: 'Subscribe to partner webhook events (an addition to Flowmatix’s API)',
  example: { url: 'https://partner.example.com/hooks/flowmatix', events: ['customer.created', 'commission.earned'] },
  rest: [createWebhookEndpointOperation],
  scope: 'webhooks:write',
  created: true,
  fields: {
    url: { in: 'body', type: 'string', required: true, to: 'url', difference: 'An https URL on the public internet (private and internal addresses are refused).' },
    events: { in: 'body', type: 'list', required: true, to: 'event_types', difference: `Flowmatix’s names: ${flowmatixEvents.join(', ')}; each becomes its own event (${flowmatixEvents.map((e) => `${e} → ${switchboardTypeOf[e]}`).join(', ')}).` },
    description: { in: 'body', type: 'string', required: false, to: 'description' },
  },
  answer: [
    { name: 'id', from: 'webhook_endpoint.id' },
    { name: 'url, events, status', from: 'webhook_endpoint' },
    { name: 'secret', from: 'secret', note: 'Shown once: verify each delivery’s Webhook-Signature with it (Standard Webhooks).' },
  ],
  differences: [
    'Not a Flowmatix endpoint: its reference lists the events but no way to subscribe. Manage (list, disable, delete, redeliver) the endpoint with /api/v1/webhook_endpoints.',
    'Each delivery is `{ id, event, created_at, customer_id, data }` with Flowmatix’s event name, signed (Webhook-Id, Webhook-Timestamp, Webhook-Signature) and retried with backoff.',
  ],
  schema: z.object({
    url: requiredText('url', 2048),
    events: z
      .array(z.enum(flowmatixEvents as [FlowmatixEventName, ...FlowmatixEventName[]], `Each event must be one of ${flowmatixEvents.join(', ')}.`), { error: 'events must be a list of event names.' })
      .min(1, 'Choose at least one event.'),
    description: optionalText('description', 200),
  }),
  call: (ctx, input) => createWebhookEndpoint(ctx, { url: input.url, description: input.description, eventTypes: [...new Set(input.events.map((e) => switchboardTypeOf[e]))] }, { payloadFormat: 'flowmatix' }),
  data: (created) => {
    const resource = withSecret(created);
    const events = resource.event_types.map((type: string) => flowmatixEvents.find((e) => switchboardTypeOf[e] === type) ?? type);
    return { ...resource, events };
  },
});

export const webhooksGroup = [subscribeWebhook];
