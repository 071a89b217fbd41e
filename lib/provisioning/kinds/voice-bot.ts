import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { voiceBots } from '@/db/schema';
import { createVoiceBot, updateVoiceBot } from '@/lib/bots/manage-bots';
import { slugKey } from './key';
import type { ItemKind } from './types';

const schema = z.strictObject({
  name: z.string('Name the bot.').trim().min(1, 'Name the bot.').max(100, 'Use at most 100 characters.'),
  purpose: z.string('Say what the bot is for.').trim().min(1, 'Say what the bot is for.').max(200, 'Use at most 200 characters.'),
  apiUrl: z.string().trim().max(2000).nullable().default(null),
  wssUrl: z.string('Give the bot’s wss:// address.').trim().min(1, 'Give the bot’s wss:// address.').max(2000),
});
type VoiceBotItem = z.output<typeof schema>;

const itemOf = (row: { name: string; purpose: string; apiUrl: string | null; wssUrl: string }): VoiceBotItem => ({ name: row.name, purpose: row.purpose, apiUrl: row.apiUrl, wssUrl: row.wssUrl });

async function botsOf(partnerId: string, clientId: string) {
  return getDb()
    .select({ id: voiceBots.id, name: voiceBots.name, purpose: voiceBots.purpose, apiUrl: voiceBots.apiUrl, wssUrl: voiceBots.wssUrl })
    .from(voiceBots)
    .where(and(eq(voiceBots.partnerId, partnerId), eq(voiceBots.clientId, clientId)))
    .orderBy(asc(voiceBots.id));
}

/**
 * A WebSocket voice bot, matched in the client by its name. A template never holds the auth header: the
 * installer gives it at install (sealed by lib/bots as always); an update without one keeps the stored header.
 */
export const voiceBotKind: ItemKind<VoiceBotItem> = {
  kind: 'voice_bot',
  label: 'Voice bot',
  description: 'A WebSocket voice bot: name, purpose and addresses. Its auth header is given by whoever installs the template, never stored in it.',
  schema: schema as unknown as z.ZodType<VoiceBotItem>,
  example: { name: 'Order status bot', purpose: 'Answers “where is my order” calls', apiUrl: 'https://bots.example.com/api', wssUrl: 'wss://bots.example.com/stream' },
  keyOf: (data) => slugKey(data.name),
  labelOf: (data) => data.name,
  takesSecret: true,
  async snapshot(ctx, clientId) {
    return (await botsOf(ctx.partnerId, clientId)).map((row) => ({ key: slugKey(row.name), data: itemOf(row) }));
  },
  async current(ctx, clientId, key) {
    const bot = (await botsOf(ctx.partnerId, clientId)).find((row) => slugKey(row.name) === key);
    return bot ? { state: 'present', data: itemOf(bot) } : { state: 'absent' };
  },
  async apply(ctx, clientId, key, data, options) {
    const bot = (await botsOf(ctx.partnerId, clientId)).find((row) => slugKey(row.name) === key);
    const fields = { name: data.name, purpose: data.purpose, apiUrl: data.apiUrl, wssUrl: data.wssUrl };
    const deps = { resolve: options.resolve };
    if (bot) await updateVoiceBot(ctx, bot.id, options.secret ? { ...fields, authHeader: options.secret } : fields, deps);
    else await createVoiceBot(ctx, clientId, { ...fields, authHeader: options.secret ?? null }, deps);
  },
};
