import { z } from 'zod';
import { createWebhookEndpointOperation, deleteWebhookEndpointOperation, listWebhookEndpointsOperation } from '@/lib/api/operations/webhooks';
import type { ApiCtx } from '@/lib/audit/context';
import { AppError } from '@/lib/errors/app-error';
import { createWebhookEndpoint, deleteWebhookEndpoint, listWebhookEndpoints, type WebhookEndpointView } from '@/lib/webhooks/manage-endpoints';
import { available, optionalText, requiredText } from '../endpoint';
import { uchatEventNames } from '../webhook-payload';
import { cut, pageDocs, pageFields, walk } from './paging';

/**
 * UChat's webhook subscription: an endpoint of Switchboard's webhook engine with the `uchat` payload format, so
 * deliveries carry UChat's body (event_type, owner_id, owner_email, plan, auto_renew) and are also signed,
 * retried and logged, which UChat's are not.
 */

const group = 'Webhooks' as const;
const uchatNames = [...new Set(Object.values(uchatEventNames))];
const switchboardTypesOf = (names: string[]) => Object.entries(uchatEventNames).filter(([, name]) => names.includes(name)).map(([type]) => type);
const eventsOf = (endpoint: WebhookEndpointView) => [...new Set(endpoint.eventTypes.map((type) => uchatEventNames[type] ?? type))];

const webhookOf = (endpoint: WebhookEndpointView) => ({ id: endpoint.id, url: endpoint.url, events: eventsOf(endpoint), status: endpoint.status, disabled_reason: endpoint.disabledReason, created_at: endpoint.createdAt });
const webhookAnswer = [
  { name: 'id', from: 'webhook_endpoint.id', note: 'whe_…; what remove-webhook takes.' },
  { name: 'url, status, disabled_reason, created_at', from: 'webhook_endpoint' },
  { name: 'events', from: 'webhook_endpoint.event_types', note: `UChat’s names: ${Object.entries(uchatEventNames).map(([type, name]) => `${name} ← ${type}`).join(', ')}.` },
];

async function uchatEndpoints(ctx: ApiCtx) {
  return (await walk((after) => listWebhookEndpoints(ctx, { limit: 100, starting_after: after }))).filter((e) => e.payloadFormat === 'uchat');
}

export const listUChatWebhooks = available({
  group,
  method: 'GET',
  path: 'webhook',
  summary: 'Fetches active webhooks for the Partner',
  rest: [listWebhookEndpointsOperation],
  scope: 'webhooks:read',
  fields: pageDocs,
  answer: webhookAnswer,
  differences: ['Only the endpoints set through set-webhook (the UChat payload format); /api/v1/webhook_endpoints lists them all, with deliveries.'],
  schema: z.object(pageFields),
  call: async (ctx, input) => cut(await uchatEndpoints(ctx), input),
  data: ({ items }) => items.map(webhookOf),
  meta: ({ meta }) => meta,
});

export const setUChatWebhook = available({
  group,
  method: 'POST',
  path: 'set-webhook',
  summary: 'Sets a webhook for a Partner workspace event',
  example: { url: 'https://agency.example.com/hooks/uchat', events: ['workspace_created', 'plan_changed'] },
  rest: [createWebhookEndpointOperation],
  scope: 'webhooks:write',
  created: true,
  fields: {
    url: { in: 'body', type: 'string', required: true, to: 'url', difference: 'An https URL on the public internet (private and internal addresses are refused).' },
    events: { in: 'body', type: 'list', required: false, to: 'event_types', difference: `UChat’s names (${uchatNames.join(', ')}); all of them when left out. \`event\` (one name) is read the same way.` },
  },
  answer: webhookAnswer.concat([{ name: 'secret', from: 'secret', note: 'Shown once: verify each delivery’s Webhook-Signature with it (Standard Webhooks). UChat’s deliveries are unsigned; a receiver may ignore the headers.' }]),
  differences: ['`user_registered` is sent when a client is created or, for one added pending by workspace/create, when it finishes KYC; a client reactivated later arrives as `user_activated` (not a UChat event) on the same subscription.', 'Each set-webhook adds an endpoint; the body of each delivery is UChat’s flat object (event_type, owner_id, owner_email, workspace_id, plan, auto_renew 0/1, …), retried with backoff.'],
  schema: z.object({
    url: requiredText('url', 2048),
    events: z.array(z.enum(uchatNames as [string, ...string[]], `Each event must be one of ${uchatNames.join(', ')}.`), { error: 'events must be a list of event names.' }).min(1, 'Choose at least one event.').optional(),
    event: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(uchatNames as [string, ...string[]], `event must be one of ${uchatNames.join(', ')}.`).optional()),
    description: optionalText('description', 200),
  }),
  call: async (ctx, input) => {
    const names = input.events ?? (input.event ? [input.event] : uchatNames);
    return createWebhookEndpoint(ctx, { url: input.url, description: input.description ?? 'UChat partner API webhook', eventTypes: switchboardTypesOf(names) }, { payloadFormat: 'uchat' });
  },
  data: ({ endpoint, secret }) => ({ ...webhookOf(endpoint), secret }),
});

export const removeUChatWebhook = available({
  group,
  method: 'POST',
  path: 'remove-webhook',
  summary: 'Removes a webhook for a Partner workspace event',
  example: { url: 'https://agency.example.com/hooks/uchat' },
  rest: [deleteWebhookEndpointOperation],
  scope: 'webhooks:write',
  fields: {
    id: { in: 'body', type: 'string', required: false, to: 'webhook_endpoint_id', difference: 'The webhook’s id (see webhook); give it or url.' },
    url: { in: 'body', type: 'string', required: false, to: 'webhook_endpoint.url', difference: 'Every UChat-format endpoint with this URL is removed.' },
  },
  answer: [{ name: 'removed', from: 'webhook_endpoint.id', note: 'The ids removed.' }],
  schema: z.object({ id: optionalText('id', 64), url: optionalText('url', 2048) }),
  call: async (ctx, input) => {
    if (!input.id && !input.url) throw new AppError('validation_failed', 'Give the webhook’s id or url.', { url: 'Give the webhook’s id or url.' });
    const targets = (await uchatEndpoints(ctx)).filter((e) => (input.id ? e.id === input.id : e.url === input.url));
    if (!targets.length) throw new AppError('not_found', 'No UChat webhook of yours has this id or url.');
    for (const target of targets) await deleteWebhookEndpoint(ctx, target.id);
    return targets.map((t) => t.id);
  },
  data: (removed) => ({ removed }),
});

export const webhooksGroup = [listUChatWebhooks, setUChatWebhook, removeUChatWebhook];
