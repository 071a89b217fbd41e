import { z } from 'zod';

const writtenAuthority = (schemes: string) => new RegExp(`^(${schemes}):\\/\\/[^/\\\\?#@]`, 'i');

function urlOf(value: string, protocols: string[]): boolean {
  if (!writtenAuthority(protocols.map((p) => p.replace(':', '')).join('|')).test(value)) return false;
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname !== '' && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Shape only; whether this partner may connect there (wss, a public address) is checked in target-policy.ts. */
export const wssUrlSchema = z
  .string('Enter the bot’s WebSocket URL.')
  .trim()
  .min(1, 'Enter the bot’s WebSocket URL.')
  .max(2048, 'Use at most 2048 characters.')
  .refine((value) => urlOf(value, ['wss:', 'ws:']), 'Enter an absolute wss:// URL, without a user name or password.')
  .meta({ description: 'The bot’s media-stream WebSocket: wss, a public address (in live mode).', example: 'wss://bots.example.com/stream' });

export const apiUrlSchema = z
  .string()
  .trim()
  .max(2048, 'Use at most 2048 characters.')
  .refine((value) => value === '' || urlOf(value, ['https:', 'http:']), 'Enter an absolute https:// URL, without a user name or password.')
  .nullish()
  .transform((value) => value || null)
  .meta({ description: 'Optional HTTPS endpoint of the bot (configuration, call results).', example: 'https://bots.example.com/api' });

const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;

/** `Name: value`, one line; parsed so the name can be shown and the value never. */
export const authHeaderSchema = z
  .string()
  .trim()
  .max(4096, 'Use at most 4096 characters.')
  .refine((value) => {
    const colon = value.indexOf(':');
    return colon > 0 && headerName.test(value.slice(0, colon).trim()) && value.slice(colon + 1).trim() !== '' && !/[\r\n\0]/.test(value);
  }, 'Write it as one header line, “Name: value”, e.g. “Authorization: Bearer …”.')
  .meta({ description: 'One header line, `Name: value`, sent when we open the WebSocket. Stored encrypted and never returned: responses show only its name.', example: 'Authorization: Bearer sk-bot-3f9a' });

const nameSchema = z.string('Enter the bot’s name.').trim().min(1, 'Enter the bot’s name.').max(100, 'Use at most 100 characters.');
const purposeSchema = z
  .string('Say what the bot is for.')
  .trim()
  .min(1, 'Say what the bot is for.')
  .max(200, 'Use at most 200 characters.')
  .meta({ description: 'What the bot is used for, e.g. `voice`, “Lead qualification”.', example: 'Lead qualification' });

export const createVoiceBotSchema = z.object({
  name: nameSchema,
  purpose: purposeSchema,
  apiUrl: apiUrlSchema,
  wssUrl: wssUrlSchema,
  authHeader: authHeaderSchema.nullish().transform((value) => value || null),
});

/** Left out: unchanged. `authHeader: null` removes the header; a new one replaces it (it is never read back). */
export const updateVoiceBotSchema = z.object({
  name: nameSchema.optional(),
  purpose: purposeSchema.optional(),
  apiUrl: apiUrlSchema.optional(),
  wssUrl: wssUrlSchema.optional(),
  authHeader: z.union([authHeaderSchema, z.literal(''), z.null()]).optional(),
});

export type CreateVoiceBotInput = z.input<typeof createVoiceBotSchema>;
export type UpdateVoiceBotInput = z.input<typeof updateVoiceBotSchema>;

export function splitHeader(line: string): { name: string; value: string } {
  const colon = line.indexOf(':');
  return { name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
}

/** What is shown of a header: its name, the value masked whatever its length. */
export const headerHint = (line: string) => `${splitHeader(line).name}: ••••••••`;
