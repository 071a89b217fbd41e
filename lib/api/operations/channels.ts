import { z } from 'zod';
import { listParamsShape } from '@/lib/pagination/cursor';
import { connectLinkSchema } from '@/lib/channels/connect-links';
import { buyDaysSchema, createChannelSchema, daysThresholdSchema, deleteChannelSchema, extendChannelSchema, pairingCodeSchema, reclaimDaysSchema } from '@/lib/channels/schemas';
import { addChannelWebhookSchema } from '@/lib/channels/channel-webhooks';
import { gatewaySimulatorRules } from '@/lib/providers/whatsapp-gateway/simulator';
import { defineOperation } from '../operation';
import { idOf, pageOf, timestamp } from '../schemas';

const connection = z.enum(['initialising', 'waiting_for_scan', 'authenticated', 'connected', 'failed', 'logged_out']);

export const channelResource = z
  .object({
    object: z.literal('channel'),
    id: idOf('chn', 'The channel’s id.'),
    client_id: idOf('cli', 'The client it belongs to.'),
    name: z.string(),
    mode: z.enum(['trial', 'live']).meta({ description: '`trial` until days are allocated, then `live`.' }),
    status: z.enum(['active', 'stopped', 'deleted']).meta({ description: '`stopped` once `active_till` passed, until days are allocated.' }),
    connection: connection.meta({ description: 'The phone: initialising → waiting_for_scan → authenticated → connected, or failed / logged_out (see `connection_reason`).' }),
    connection_reason: z.string().nullable(),
    phone: z.string().nullable(),
    trial_days: z.number().int(),
    trial_limits: z.object({ messages_per_day: z.number().int(), chats_per_month: z.number().int(), api_calls_per_month: z.number().int() }).nullable().meta({ description: 'While in trial: what the channel may do.' }),
    active_till: timestamp,
    days_left: z.number().int().meta({ description: 'Days until `active_till`, a part of a day counting as one.' }),
    unused_days: z.number().int().meta({ description: 'Whole days a live channel has not used yet: what a reclaim or delete returns.' }),
    days_held: z.number().int().meta({ description: 'Days allocated less those reclaimed or returned.' }),
    days_reclaimed: z.number().int(),
    token_hint: z.string().meta({ description: 'The last four characters of the channel’s API token.' }),
    simulated: z.boolean().meta({ description: 'On the gateway simulator (sandboxes, or no gateway configured): scans can be simulated.' }),
    connected_at: timestamp.nullable(),
    stopped_at: timestamp.nullable(),
    deleted_at: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({ id: 'Channel' });

const channelExample = {
  object: 'channel',
  id: 'chn_01kaz3d4mqf2v8n6w0c1e5rj7t',
  client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t',
  name: 'Support line',
  mode: 'live',
  status: 'active',
  connection: 'connected',
  connection_reason: null,
  phone: '+919876543210',
  trial_days: 5,
  trial_limits: null,
  active_till: '2026-12-31T10:00:00.000Z',
  days_left: 30,
  unused_days: 29,
  days_held: 30,
  days_reclaimed: 0,
  token_hint: '…x9Qa',
  simulated: false,
  connected_at: '2026-12-01T10:05:00.000Z',
  stopped_at: null,
  deleted_at: null,
  created_at: '2026-11-28T09:00:00.000Z',
};

export const channelIdParams = z.strictObject({ channel_id: idOf('chn', 'The channel’s id.') });

const simulatorNote = `On the gateway simulator (every sandbox): ${gatewaySimulatorRules.map((rule) => `${rule.when} → ${rule.outcome}`).join('; ')}.`;

export const listChannelsOperation = defineOperation({
  method: 'GET',
  path: '/channels',
  operationId: 'listChannels',
  summary: 'List channels',
  description: 'Your WhatsApp channels, newest first, filtered by status, mode or client.',
  tag: 'Channels',
  scope: 'channels:read',
  query: z.strictObject({
    ...listParamsShape,
    status: z.enum(['active', 'stopped', 'deleted']).optional(),
    mode: z.enum(['trial', 'live']).optional(),
    client_id: idOf('cli', 'Only this client’s channels.').optional(),
  }),
  response: { status: 200, description: 'A page of channels.', schema: pageOf(channelResource), example: { object: 'list', data: [channelExample], has_more: false } },
});

export const createChannelOperation = defineOperation({
  method: 'POST',
  path: '/channels',
  operationId: 'createChannel',
  summary: 'Create a channel',
  description: `Creates a WhatsApp channel for a client, in trial for \`trial_days\` (default 5). The response holds the channel’s API token this once; only a digest is kept. ${simulatorNote}`,
  tag: 'Channels',
  scope: 'channels:write',
  body: z.strictObject({ client_id: idOf('cli', 'The client.'), name: createChannelSchema.shape.name, trial_days: z.number().int().min(1).max(30).optional() }),
  bodyExample: { client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t', name: 'Support line', trial_days: 5 },
  response: { status: 201, description: 'The channel and its API token (shown once).', schema: channelResource.extend({ token: z.string().meta({ description: 'The channel’s API token, shown this once.' }) }), example: { ...channelExample, mode: 'trial', token: 'wch_3q2x…' } },
  errors: ['not_found', 'service_unavailable'],
});

export const getChannelOperation = defineOperation({
  method: 'GET',
  path: '/channels/{channel_id}',
  operationId: 'getChannel',
  summary: 'Get a channel',
  description: 'A channel with its mode, state, phone and days.',
  tag: 'Channels',
  scope: 'channels:read',
  params: channelIdParams,
  response: { status: 200, description: 'The channel.', schema: channelResource, example: channelExample },
  errors: ['not_found'],
});

export const deleteChannelOperation = defineOperation({
  method: 'DELETE',
  path: '/channels/{channel_id}',
  operationId: 'deleteChannel',
  summary: 'Delete a channel',
  description: 'Deletes the channel and returns every unused day to your day balance, as a ledger transfer with your comment.',
  tag: 'Channels',
  scope: 'channels:write',
  params: channelIdParams,
  body: z.strictObject({ comment: deleteChannelSchema.shape.comment }),
  bodyExample: { comment: 'Client cancelled' },
  response: { status: 200, description: 'The deleted channel and the days returned.', schema: channelResource.extend({ days_returned: z.number().int() }), example: { ...channelExample, status: 'deleted', days_returned: 29 } },
  errors: ['not_found', 'conflict'],
});

export const extendChannelOperation = defineOperation({
  method: 'POST',
  path: '/channels/{channel_id}/extend',
  operationId: 'extendChannel',
  summary: 'Allocate days',
  description: 'Allocates days from your day balance, with a comment for the books: a trial channel goes live, a live one runs longer, a stopped one restarts.',
  tag: 'Channels',
  scope: 'channels:write',
  params: channelIdParams,
  body: z.strictObject({ days: extendChannelSchema.shape.days, comment: extendChannelSchema.shape.comment }),
  bodyExample: { days: 30, comment: 'December, invoice 1042' },
  response: { status: 200, description: 'The channel after the allocation.', schema: channelResource, example: channelExample },
  errors: ['not_found', 'conflict', 'partner_insufficient_funds'],
});

export const reclaimChannelDaysOperation = defineOperation({
  method: 'POST',
  path: '/channels/{channel_id}/reclaim',
  operationId: 'reclaimChannelDays',
  summary: 'Reclaim unused days',
  description: 'Returns the unused days above `keep_days` to your day balance without deleting the channel; it runs on until its new `active_till`.',
  tag: 'Channels',
  scope: 'channels:write',
  params: channelIdParams,
  body: z.strictObject({ keep_days: reclaimDaysSchema.shape.keepDays, comment: reclaimDaysSchema.shape.comment }),
  bodyExample: { keep_days: 3, comment: 'Client pausing for the holidays' },
  response: { status: 200, description: 'The channel after the reclaim.', schema: channelResource, example: { ...channelExample, unused_days: 3, days_reclaimed: 26 } },
  errors: ['not_found', 'conflict'],
});

export const rotateChannelTokenOperation = defineOperation({
  method: 'POST',
  path: '/channels/{channel_id}/rotate_token',
  operationId: 'rotateChannelToken',
  summary: 'New channel token',
  description: 'Makes a new API token for the channel; the old one stops working at once. Returned this once.',
  tag: 'Channels',
  scope: 'channels:write',
  params: channelIdParams,
  response: { status: 200, description: 'The channel and its new token.', schema: channelResource.extend({ token: z.string() }), example: { ...channelExample, token: 'wch_8k1p…' } },
  errors: ['not_found'],
});

const qrResource = z
  .object({
    object: z.literal('channel_qr'),
    channel: channelResource,
    qr: z
      .object({
        value: z.string().meta({ description: 'The text the QR code encodes.' }),
        index: z.number().int().meta({ description: 'Which code of the rotation (0–5): the first lasts 60 s, each later one 20 s.' }),
        expires_at: timestamp,
        image_png: z.string().meta({ description: 'The code as a PNG, as a `data:image/png;base64,…` URL.' }),
        svg: z.string().meta({ description: 'The code as SVG markup.' }),
      })
      .nullable()
      .meta({ description: 'Null when the phone is connected or the six codes ran out (`connection` is then `failed`; ask again to start over).' }),
  })
  .meta({ id: 'ChannelQr' });

export const getChannelQrOperation = defineOperation({
  method: 'GET',
  path: '/channels/{channel_id}/qr',
  operationId: 'getChannelQr',
  summary: 'Get the QR code',
  description: `The current QR code to scan with WhatsApp (starting a login when none is under way), as data, PNG and SVG. Ask again at \`expires_at\` for the next one. ${simulatorNote}`,
  tag: 'Channels',
  scope: 'channels:write',
  params: channelIdParams,
  response: { status: 200, description: 'The current code.', schema: qrResource, example: { object: 'channel_qr', channel: { ...channelExample, connection: 'waiting_for_scan' }, qr: { value: '2@…', index: 0, expires_at: '2026-12-01T10:01:00.000Z', image_png: 'data:image/png;base64,iVBORw0KGgo…', svg: '<svg …>' } } },
  errors: ['not_found', 'conflict', 'service_unavailable'],
});

export const getChannelQrPngOperation = defineOperation({
  method: 'GET',
  path: '/channels/{channel_id}/qr.png',
  operationId: 'getChannelQrPng',
  summary: 'Get the QR code as PNG',
  description: `The current QR code as a PNG image (264 × 264), to put straight in an \`<img>\` or save: the same code as \`GET /channels/{channel_id}/qr\`, starting a login when none is under way. Headers \`X-QR-Index\` (0–5) and \`X-QR-Expires-At\` say which code of the rotation it is and when to ask again; it is never cached. A connected phone, or a login whose six codes ran out, is a 409 problem saying which (ask again to start over). ${simulatorNote}`,
  tag: 'Channels',
  scope: 'channels:write',
  params: channelIdParams,
  response: { status: 200, description: 'The PNG image.', schema: z.string().meta({ format: 'binary' }), example: '(PNG bytes)', contentType: 'image/png' },
  errors: ['not_found', 'conflict', 'service_unavailable'],
});

export const channelPairingCodeOperation = defineOperation({
  method: 'POST',
  path: '/channels/{channel_id}/pairing_code',
  operationId: 'getChannelPairingCode',
  summary: 'Get a pairing code',
  description: 'A code to type on the phone (WhatsApp → Linked devices → Link with phone number) instead of scanning.',
  tag: 'Channels',
  scope: 'channels:write',
  params: channelIdParams,
  body: z.strictObject({ phone: pairingCodeSchema.shape.phone }),
  bodyExample: { phone: '+919876543210' },
  response: { status: 200, description: 'The code.', schema: z.object({ object: z.literal('channel_pairing_code'), channel: channelResource, code: z.string(), phone: z.string() }), example: { object: 'channel_pairing_code', channel: { ...channelExample, connection: 'waiting_for_scan' }, code: 'ABCD-EFGH', phone: '+919876543210' } },
  errors: ['not_found', 'conflict', 'service_unavailable'],
});

export const simulateChannelScanOperation = defineOperation({
  method: 'POST',
  path: '/channels/{channel_id}/simulate_scan',
  operationId: 'simulateChannelScan',
  summary: 'Simulate a scan',
  description: 'On a simulated channel (every sandbox): what scanning the QR code or typing the pairing code on a phone does. The channel authenticates and connects.',
  tag: 'Channels',
  scope: 'channels:write',
  params: channelIdParams,
  body: z.strictObject({ phone: pairingCodeSchema.shape.phone.optional() }),
  bodyExample: { phone: '+919000000100' },
  response: { status: 200, description: 'The connected channel.', schema: channelResource, example: { ...channelExample, simulated: true } },
  errors: ['not_found', 'conflict', 'forbidden'],
});

export const createChannelConnectLinkOperation = defineOperation({
  method: 'POST',
  path: '/channels/{channel_id}/connect_link',
  operationId: 'createChannelConnectLink',
  summary: 'Make a connect link',
  description: 'A signed, expiring link on your own domain, in your brand, where your client connects the phone by QR code or pairing code. With `send_to`, the link is also e-mailed there (message type `channel_connect_link`, in your brand and wording).',
  tag: 'Channels',
  scope: 'channels:write',
  params: channelIdParams,
  body: z.strictObject({ expires_in_hours: connectLinkSchema.shape.expiresInHours.optional(), send_to: z.email().max(254).optional().meta({ description: 'An e-mail address to send the link to (usually the client’s); leave it out to only make the link.' }) }),
  bodyExample: { expires_in_hours: 72, send_to: 'owner@bluebird.example' },
  response: { status: 201, description: 'The link.', schema: z.object({ object: z.literal('channel_connect_link'), channel_id: z.string(), url: z.string(), expires_at: timestamp, sent_to: z.string().nullable().meta({ description: 'Where the link was e-mailed; null when it was only made.' }) }), example: { object: 'channel_connect_link', channel_id: channelExample.id, url: 'https://connect.acme.example/connect/chn_…', expires_at: '2026-12-04T10:00:00.000Z', sent_to: 'owner@bluebird.example' } },
  errors: ['not_found', 'conflict'],
});

const webhookResource = z.object({ object: z.literal('channel_webhook'), id: idOf('we', 'The webhook endpoint.'), url: z.string(), status: z.string(), created_at: timestamp }).meta({ id: 'ChannelWebhook' });
const webhookExample = { object: 'channel_webhook', id: 'we_01kaz3d4mqf2v8n6w0c1e5rj7t', url: 'https://hooks.acme.example/whatsapp', status: 'enabled', created_at: '2026-12-01T10:00:00.000Z' };

export const listChannelWebhooksOperation = defineOperation({
  method: 'GET',
  path: '/channels/{channel_id}/webhooks',
  operationId: 'listChannelWebhooks',
  summary: 'List a channel’s webhook URLs',
  description: 'The channel’s own webhook URLs (at most 3): they receive its `channel.*` events, signed per Standard Webhooks.',
  tag: 'Channels',
  scope: 'channels:read',
  params: channelIdParams,
  response: { status: 200, description: 'The URLs.', schema: z.object({ object: z.literal('list'), data: z.array(webhookResource), has_more: z.literal(false) }), example: { object: 'list', data: [webhookExample], has_more: false } },
  errors: ['not_found'],
});

export const addChannelWebhookOperation = defineOperation({
  method: 'POST',
  path: '/channels/{channel_id}/webhooks',
  operationId: 'addChannelWebhook',
  summary: 'Add a webhook URL to a channel',
  description: 'Adds an https URL (checked like every webhook target: no private or local addresses) that receives the channel’s events; its signing secret is returned this once.',
  tag: 'Channels',
  scope: 'channels:write',
  params: channelIdParams,
  body: z.strictObject({ url: addChannelWebhookSchema.shape.url }),
  bodyExample: { url: 'https://hooks.acme.example/whatsapp' },
  response: { status: 201, description: 'The URL and its secret.', schema: webhookResource.extend({ secret: z.string() }), example: { ...webhookExample, secret: 'whsec_…' } },
  errors: ['not_found', 'conflict'],
});

export const removeChannelWebhookOperation = defineOperation({
  method: 'DELETE',
  path: '/channels/{channel_id}/webhooks/{webhook_id}',
  operationId: 'removeChannelWebhook',
  summary: 'Remove a channel’s webhook URL',
  description: 'Stops sending the channel’s events to this URL.',
  tag: 'Channels',
  scope: 'channels:write',
  params: z.strictObject({ channel_id: idOf('chn', 'The channel’s id.'), webhook_id: idOf('we', 'The webhook endpoint.') }),
  response: { status: 200, description: 'What was removed.', schema: z.object({ object: z.literal('channel_webhook'), id: z.string(), deleted: z.literal(true) }), example: { object: 'channel_webhook', id: webhookExample.id, deleted: true } },
  errors: ['not_found'],
});

const dayBalanceResource = z
  .object({
    object: z.literal('day_balance'),
    balance: z.number().int().meta({ description: 'Days you can allocate.' }),
    threshold: z.number().int().nullable().meta({ description: 'Below this, `partner.days_low` (once per crossing).' }),
    day_price: z.number().int().meta({ description: 'Your wholesale price of a day, paise.' }),
    bought: z.number().int(),
    in_channels: z.number().int().meta({ description: 'Days held by channels (used and unused): `bought = balance + in_channels`, exactly.' }),
    reclaimed: z.number().int().meta({ description: 'Days returned from channels so far (reclaims and deletes), already in `balance`.' }),
  })
  .meta({ id: 'DayBalance' });
const dayBalanceExample = { object: 'day_balance', balance: 120, threshold: 30, day_price: 2_400, bought: 400, in_channels: 280, reclaimed: 45 };

export const getDayBalanceOperation = defineOperation({
  method: 'GET',
  path: '/day_balance',
  operationId: 'getDayBalance',
  summary: 'Your day balance',
  description: 'Days to allocate to channels, the alert threshold, your wholesale day price, and where every day bought is.',
  tag: 'Channels',
  scope: 'channels:read',
  response: { status: 200, description: 'The day balance.', schema: dayBalanceResource, example: dayBalanceExample },
});

export const buyDaysOperation = defineOperation({
  method: 'POST',
  path: '/day_balance/purchases',
  operationId: 'buyDays',
  summary: 'Buy days',
  description: 'Buys days from your prepaid balance at your wholesale day price.',
  tag: 'Channels',
  scope: 'channels:write',
  body: z.strictObject({ quantity: buyDaysSchema.shape.quantity }),
  bodyExample: { quantity: 90 },
  response: { status: 200, description: 'The day balance after the purchase.', schema: dayBalanceResource.extend({ cost: z.number().int().meta({ description: 'Paise taken from your prepaid balance.' }) }), example: { ...dayBalanceExample, cost: 216_000 } },
  errors: ['partner_insufficient_funds'],
});

export const setDaysThresholdOperation = defineOperation({
  method: 'PUT',
  path: '/day_balance/threshold',
  operationId: 'setDaysThreshold',
  summary: 'Set the low-days alert',
  description: 'Below this many days, `partner.days_low` is sent (and your owners and admins e-mailed) once per crossing; null switches it off.',
  tag: 'Channels',
  scope: 'channels:write',
  body: z.strictObject({ threshold: daysThresholdSchema.shape.threshold }),
  bodyExample: { threshold: 30 },
  response: { status: 200, description: 'The day balance.', schema: dayBalanceResource, example: dayBalanceExample },
});
