import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { flows, recordings, voiceBots } from '@/db/schema';
import { extensionSchema } from '@/lib/agents/schemas';
import { invalid } from '@/lib/errors/app-error';
import { createFlow, updateFlow } from '@/lib/flows/manage-flows';
import { transferTargetSchema } from '@/lib/flows/schemas';
import { slugKey } from './key';
import type { ItemKind } from './types';

const refName = (message: string) =>
  z
    .string(message)
    .trim()
    .max(100, 'Use at most 100 characters.')
    .nullish()
    .transform((value) => value || null);

/**
 * A flow names what it points at instead of holding ids: ids are one client's own, names travel. The bot is
 * the template's voice bot of that name (installed before flows), the recording one the client already has.
 */
const schema = z
  .strictObject({
    name: z.string('Name the flow.').trim().min(1, 'Name the flow.').max(100, 'Use at most 100 characters.'),
    agentExtension: extensionSchema,
    transferTo: transferTargetSchema.nullish().transform((value) => value ?? null),
    botName: refName('Give the voice bot’s name.'),
    welcomeRecordingName: refName('Give the recording’s name.'),
  })
  .superRefine((data, context) => {
    if (data.botName && !data.transferTo) context.addIssue({ code: 'custom', path: ['transferTo'], message: 'A flow with a voice bot needs a transfer target for when the bot fails.' });
  });
type CallFlowItem = z.output<typeof schema>;

async function flowsOf(partnerId: string, clientId: string) {
  return getDb()
    .select({ id: flows.id, name: flows.name, agentExtension: flows.agentExtension, transferTo: flows.transferTo, botName: voiceBots.name, welcomeRecordingName: recordings.name })
    .from(flows)
    .leftJoin(voiceBots, eq(voiceBots.id, flows.botId))
    .leftJoin(recordings, eq(recordings.id, flows.welcomeRecordingId))
    .where(and(eq(flows.partnerId, partnerId), eq(flows.clientId, clientId)))
    .orderBy(asc(flows.name));
}

const itemOf = (row: Awaited<ReturnType<typeof flowsOf>>[number]): CallFlowItem => ({
  name: row.name,
  agentExtension: row.agentExtension,
  transferTo: row.transferTo,
  botName: row.botName,
  welcomeRecordingName: row.welcomeRecordingName,
});

/** The client's bot or recording of that name; a name the client lacks is refused beside its field. */
async function idByName(table: typeof voiceBots | typeof recordings, partnerId: string, clientId: string, name: string | null, field: string, what: string) {
  if (!name) return null;
  const [row] = await getDb()
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.partnerId, partnerId), eq(table.clientId, clientId), eq(table.name, name)))
    .orderBy(asc(table.id))
    .limit(1);
  if (!row) throw invalid(field, `This client has no ${what} named “${name}”.`);
  return row.id;
}

/**
 * A call flow, matched in the client by its name: the agent's extension, the transfer target, and by name the
 * voice bot that answers first and the welcome recording. Installed through lib/flows, so its reference
 * checks (an active agent at the extension, the client's own bot and recording) and audit entries hold; an
 * install that fails here rolls back with the rest. Which numbers run the flow stays the client's choice.
 */
export const callFlowKind: ItemKind<CallFlowItem> = {
  kind: 'call_flow',
  label: 'Call flow',
  description: 'A call flow: the agent at an extension takes the call (a voice bot first, when named), and the transfer target gets what nobody answers. The bot and the welcome recording are named, not linked by id.',
  schema: schema as unknown as z.ZodType<CallFlowItem>,
  example: { name: 'Support line', agentExtension: '2101', transferTo: '+919876543210', botName: null, welcomeRecordingName: null },
  keyOf: (data) => slugKey(data.name),
  labelOf: (data) => data.name,
  async snapshot(ctx, clientId) {
    return (await flowsOf(ctx.partnerId, clientId)).map((row) => ({ key: slugKey(row.name), data: itemOf(row) }));
  },
  async current(ctx, clientId, key) {
    const row = (await flowsOf(ctx.partnerId, clientId)).find((candidate) => slugKey(candidate.name) === key);
    return row ? { state: 'present', data: itemOf(row) } : { state: 'absent' };
  },
  async apply(ctx, clientId, key, data) {
    const existing = (await flowsOf(ctx.partnerId, clientId)).find((row) => slugKey(row.name) === key);
    const fields = {
      name: data.name,
      agentExtension: data.agentExtension,
      transferTo: data.transferTo,
      botId: await idByName(voiceBots, ctx.partnerId, clientId, data.botName, 'botName', 'voice bot'),
      welcomeRecordingId: await idByName(recordings, ctx.partnerId, clientId, data.welcomeRecordingName, 'welcomeRecordingName', 'recording'),
    };
    if (existing) await updateFlow(ctx, existing.id, fields);
    else await createFlow(ctx, clientId, fields);
  },
};
