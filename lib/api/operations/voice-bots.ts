import { z } from 'zod';
import type { ConnectionReport } from '@/lib/bots/test-connection';
import type { VoiceBotView } from '@/lib/bots/manage-bots';
import { apiUrlSchema, authHeaderSchema, wssUrlSchema } from '@/lib/bots/schemas';
import { listParamsShape } from '@/lib/pagination/cursor';
import { defineOperation } from '../operation';
import { idOf, pageOf, timestamp } from '../schemas';
import { clientIdParams } from './clients';

const protocolNote =
  'The test sends, as JSON text frames, `{"event":"connected","protocol":"Call","version":"1.0.0"}` and then `{"event":"start","sequenceNumber":"1","streamSid":…,"start":{"streamSid","callSid","tracks":["inbound"],"customParameters":{"test":"true"},"mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1}}}`, waits up to 5 s for the bot’s first message, sends `{"event":"stop",…}` and closes with 1000. Calls speak the same protocol, with `media` frames of base64 μ-law in between.';

export const voiceBotResource = z
  .object({
    object: z.literal('voice_bot'),
    id: idOf('vbot', 'The bot’s id.'),
    client_id: idOf('cli', 'The client it belongs to.'),
    name: z.string(),
    purpose: z.string(),
    api_url: z.string().nullable(),
    wss_url: z.string(),
    auth_header: z.string().nullable().meta({ description: 'The header’s name with its value masked (`Authorization: ••••••••`), or null. The value is never returned.' }),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'VoiceBot' });

const botExample = {
  object: 'voice_bot',
  id: 'vbot_01kaz3d4mqf2v8n6w0c1e5rj7t',
  client_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t',
  name: 'Lead bot',
  purpose: 'Lead qualification',
  api_url: 'https://bots.example.com/api',
  wss_url: 'wss://bots.example.com/stream',
  auth_header: 'Authorization: ••••••••',
  created_at: '2026-11-20T10:00:00.000Z',
  updated_at: '2026-11-20T10:00:00.000Z',
};

export function toVoiceBotResource(bot: VoiceBotView) {
  return { object: 'voice_bot' as const, id: bot.id, client_id: bot.clientId, name: bot.name, purpose: bot.purpose, api_url: bot.apiUrl, wss_url: bot.wssUrl, auth_header: bot.authHeaderHint, created_at: bot.createdAt, updated_at: bot.updatedAt };
}

const botIdParams = z.strictObject({ bot_id: idOf('vbot', 'The bot’s id.') });

export const createVoiceBotOperation = defineOperation({
  method: 'POST',
  path: '/clients/{client_id}/voice_bots',
  operationId: 'createVoiceBot',
  summary: 'Add a voice bot',
  description: 'Adds a WebSocket voice bot to a client. In live mode `wss_url` must be wss and `api_url` https, on public addresses. `auth_header` is stored encrypted and never returned: responses show only its name.',
  tag: 'Voice bots',
  scope: 'bots:write',
  params: clientIdParams,
  body: z.strictObject({ name: z.string().trim().min(1).max(100), purpose: z.string().trim().min(1).max(200), api_url: apiUrlSchema, wss_url: wssUrlSchema, auth_header: authHeaderSchema.nullish() }),
  bodyExample: { name: 'Lead bot', purpose: 'Lead qualification', api_url: 'https://bots.example.com/api', wss_url: 'wss://bots.example.com/stream', auth_header: 'Authorization: Bearer sk-bot-3f9a' },
  response: { status: 201, description: 'The bot.', schema: voiceBotResource, example: botExample },
  errors: ['not_found'],
});

export const listVoiceBotsOperation = defineOperation({
  method: 'GET',
  path: '/voice_bots',
  operationId: 'listVoiceBots',
  summary: 'List voice bots',
  description: 'The partner’s voice bots, newest first, of one client when asked.',
  tag: 'Voice bots',
  scope: 'bots:read',
  query: z.strictObject({ ...listParamsShape, client_id: idOf('cli', 'Only this client’s bots.').optional() }),
  response: { status: 200, description: 'A page of bots.', schema: pageOf(voiceBotResource), example: { object: 'list', data: [botExample], has_more: false } },
});

export const getVoiceBotOperation = defineOperation({
  method: 'GET',
  path: '/voice_bots/{bot_id}',
  operationId: 'getVoiceBot',
  summary: 'Get a voice bot',
  description: 'One bot; its auth header shown masked.',
  tag: 'Voice bots',
  scope: 'bots:read',
  params: botIdParams,
  response: { status: 200, description: 'The bot.', schema: voiceBotResource, example: botExample },
  errors: ['not_found'],
});

export const updateVoiceBotOperation = defineOperation({
  method: 'PATCH',
  path: '/voice_bots/{bot_id}',
  operationId: 'updateVoiceBot',
  summary: 'Update a voice bot',
  description: 'Changes any field; fields left out stay. A new `auth_header` replaces the stored one (which cannot be read back); `auth_header: null` removes it.',
  tag: 'Voice bots',
  scope: 'bots:write',
  params: botIdParams,
  body: z.strictObject({ name: z.string().trim().min(1).max(100).optional(), purpose: z.string().trim().min(1).max(200).optional(), api_url: apiUrlSchema.optional(), wss_url: wssUrlSchema.optional(), auth_header: authHeaderSchema.nullable().optional() }),
  bodyExample: { auth_header: 'Authorization: Bearer sk-bot-new-7c21' },
  response: { status: 200, description: 'The bot.', schema: voiceBotResource, example: botExample },
  errors: ['not_found'],
});

export const deleteVoiceBotOperation = defineOperation({
  method: 'DELETE',
  path: '/voice_bots/{bot_id}',
  operationId: 'deleteVoiceBot',
  summary: 'Delete a voice bot',
  description: 'Deletes the bot and its stored header.',
  tag: 'Voice bots',
  scope: 'bots:write',
  params: botIdParams,
  response: { status: 200, description: 'Deleted.', schema: z.object({ object: z.literal('voice_bot'), id: z.string(), deleted: z.literal(true) }), example: { object: 'voice_bot', id: botExample.id, deleted: true } },
  errors: ['not_found'],
});

export const connectionTestResource = z
  .object({
    object: z.literal('voice_bot_connection_test'),
    ok: z.boolean().meta({ description: 'True when the socket opened and the bot answered the start message.' }),
    handshake_ms: z.number().int().nullable().meta({ description: 'Time to the WebSocket handshake’s completion.' }),
    first_message: z.string().nullable().meta({ description: 'The bot’s first message (its first 500 characters).' }),
    first_message_ms: z.number().int().nullable(),
    close_code: z.number().int().nullable(),
    close_reason: z.string().nullable(),
    error: z.string().nullable().meta({ description: 'What went wrong, in plain words.' }),
  })
  .meta({ id: 'VoiceBotConnectionTest' });

export function toConnectionTestResource(report: ConnectionReport) {
  return { object: 'voice_bot_connection_test' as const, ok: report.ok, handshake_ms: report.handshakeMs, first_message: report.firstMessage, first_message_ms: report.firstMessageMs, close_code: report.closeCode, close_reason: report.closeReason, error: report.error };
}

export const testVoiceBotOperation = defineOperation({
  method: 'POST',
  path: '/voice_bots/{bot_id}/test',
  operationId: 'testVoiceBot',
  summary: 'Test a voice bot’s connection',
  description: `Really opens the bot’s WebSocket, with its auth header, and reports the handshake time, the first message back and the close code, or what failed. ${protocolNote}`,
  tag: 'Voice bots',
  scope: 'bots:write',
  params: botIdParams,
  response: {
    status: 200,
    description: 'The report (a failed connection is a report with `ok: false`, not an error).',
    schema: connectionTestResource,
    example: { object: 'voice_bot_connection_test', ok: true, handshake_ms: 84, first_message: '{"event":"media","media":{"payload":"fw=="}}', first_message_ms: 212, close_code: 1000, close_reason: null, error: null },
  },
  errors: ['not_found'],
});
