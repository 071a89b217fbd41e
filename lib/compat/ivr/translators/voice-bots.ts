import { createVoiceBotOperation, deleteVoiceBotOperation, getVoiceBotOperation, listVoiceBotsOperation, toVoiceBotResource } from '@/lib/api/operations/voice-bots';
import type { ApiCtx } from '@/lib/audit/context';
import { createVoiceBot, deleteVoiceBot, getVoiceBot, listVoiceBots, updateVoiceBot } from '@/lib/bots/manage-bots';
import { notFound } from '@/lib/errors/app-error';
import { available, type DataField } from '../endpoint';
import { text } from '../fields';
import { everyPage } from './clients';

/** IVR Solutions' "Voice Bots" group. */

const group = 'Voice Bots' as const;

const botData: DataField[] = [
  { name: 'id', from: 'id', note: 'The bot id (vbot_…).' },
  { name: 'client_id', from: 'client_id' },
  { name: 'bot_name', from: 'name' },
  { name: 'to_be_used', from: 'purpose' },
  { name: 'api_url', from: 'api_url' },
  { name: 'wss_url', from: 'wss_url' },
  { name: 'wss_header', from: 'auth_header', note: 'Only the header’s name, its value masked: a stored header is never returned.' },
  { name: 'created_at', from: 'created_at' },
  { name: 'updated_at', from: 'updated_at' },
];

const clientIdField = text('client_id', 'client_id', { difference: 'The client id (cli_…); another partner’s answers 404.' });
const botIdField = text('id', 'id', { difference: 'The bot id (vbot_…), of this client.' });

async function botOfClient(ctx: ApiCtx, clientId: string, botId: string) {
  const bot = await getVoiceBot(ctx, botId);
  if (bot.clientId !== clientId) throw notFound('Voice bot');
  return bot;
}

export const createWssBot = available({
  group,
  method: 'POST',
  path: 'create_wss_bot',
  summary: 'Create or Update WSS Bot for a client',
  example: { client_id: 'CLIENTAPIKEY12345', bot_name: 'Lead Bot', to_be_used: 'voice', id: '77', api_url: 'https://example.com/bot', wss_url: 'wss://example.com/stream', wss_header: 'Authorization: Bearer xyz' },
  rest: createVoiceBotOperation,
  fields: {
    client_id: clientIdField,
    bot_name: text('bot_name', 'name'),
    to_be_used: text('to_be_used', 'purpose'),
    id: text('id', 'id', { required: false, difference: 'With an id (vbot_…) the bot is updated (PATCH /voice_bots/{bot_id}); without, one is created.' }),
    api_url: text('api_url', 'api_url', { required: false, difference: 'https on a public address in live mode.' }),
    wss_url: text('wss_url', 'wss_url', { required: false, difference: 'Needed to create a bot: wss on a public address in live mode.' }),
    wss_header: text('wss_header', 'auth_header', { required: false, difference: 'One line, “Name: value”. Stored encrypted and write-only: answers show its name only; left out on an update, the stored one stays.' }),
  },
  data: { shape: 'object', fields: botData },
  call: async (ctx, { client_id, id, name, purpose, api_url, wss_url, auth_header }) => {
    if (id) {
      await botOfClient(ctx, client_id, id);
      return toVoiceBotResource(await updateVoiceBot(ctx, id, { name, purpose, apiUrl: api_url, wssUrl: wss_url, authHeader: auth_header }));
    }
    return toVoiceBotResource(await createVoiceBot(ctx, client_id, { name, purpose, apiUrl: api_url, wssUrl: wss_url ?? '', authHeader: auth_header }));
  },
  message: (_bot, input) => (input.id ? 'Bot updated' : 'Bot created'),
});

export const getWssBots = available({
  group,
  method: 'GET',
  path: 'get_wss_bots/{client_id}',
  summary: 'Get all WSS Bots for a client',
  rest: listVoiceBotsOperation,
  fields: { client_id: text('client_id', 'client_id', { in: 'path', difference: 'The client id (cli_…).' }) },
  data: { shape: 'list', fields: botData },
  call: async (ctx, { client_id }) => (await everyPage((after) => listVoiceBots(ctx, { clientId: client_id, limit: 100, starting_after: after }))).items.map(toVoiceBotResource),
  message: (bots) => `${bots.length} bots`,
});

export const getWssBot = available({
  group,
  method: 'POST',
  path: 'get_wss_bot',
  summary: 'Get single WSS Bot',
  example: { client_id: 'CLIENTAPIKEY12345', id: '77' },
  rest: getVoiceBotOperation,
  fields: { client_id: clientIdField, id: botIdField },
  data: { shape: 'object', fields: botData },
  call: async (ctx, { client_id, id }) => toVoiceBotResource(await botOfClient(ctx, client_id, id)),
  message: () => 'Bot details',
});

export const deleteWssBot = available({
  group,
  method: 'POST',
  path: 'delete_wss_bot',
  summary: 'Delete WSS Bot',
  example: { client_id: 'CLIENTAPIKEY12345', id: '77' },
  rest: deleteVoiceBotOperation,
  fields: { client_id: clientIdField, id: botIdField },
  data: { shape: 'object', fields: [{ name: 'id', from: 'id' }, { name: 'deleted', from: 'deleted' }] },
  call: async (ctx, { client_id, id }) => {
    await botOfClient(ctx, client_id, id);
    return { id: (await deleteVoiceBot(ctx, id)).id, deleted: true };
  },
  message: () => 'Bot deleted',
});

export const voiceBotsGroup = [createWssBot, getWssBots, getWssBot, deleteWssBot];
