import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { agentExtensionRanges } from '@/db/schema';
import { defaultExtensionRange } from '@/lib/agents/extensions';
import { recordAudit } from '@/lib/audit/record-audit';
import type { ItemKind } from './types';

const extension = z.coerce.number('Give a number.').int('Give a whole number.').min(10, 'At least 10.').max(999_999, 'At most 6 digits.');
const schema = z.strictObject({
  extensionRange: z
    .strictObject({ first: extension, last: extension })
    .refine((range) => range.last >= range.first, { message: 'The last extension is before the first.', path: ['last'] })
    .meta({ description: 'The extensions new agents are numbered from when none is given.' }),
});
type ClientSettings = z.output<typeof schema>;

async function rangeOf(partnerId: string, clientId: string) {
  const [row] = await getDb()
    .select({ first: agentExtensionRanges.first, last: agentExtensionRanges.last })
    .from(agentExtensionRanges)
    .where(and(eq(agentExtensionRanges.partnerId, partnerId), eq(agentExtensionRanges.clientId, clientId)));
  return row ?? { ...defaultExtensionRange };
}

/** The client's own settings: today, the extension range its agents are numbered from. */
export const clientSettingsKind: ItemKind<ClientSettings> = {
  kind: 'client_settings',
  label: 'Client settings',
  description: 'The client’s settings: the extension range new agents are numbered from.',
  schema: schema as unknown as z.ZodType<ClientSettings>,
  example: { extensionRange: { first: 2101, last: 2199 } },
  keyOf: () => 'settings',
  labelOf: (data) => `Extensions ${data.extensionRange.first}–${data.extensionRange.last}`,
  async snapshot(ctx, clientId) {
    return [{ key: 'settings', data: { extensionRange: await rangeOf(ctx.partnerId, clientId) } }];
  },
  async current(ctx, clientId) {
    return { state: 'present', data: { extensionRange: await rangeOf(ctx.partnerId, clientId) } };
  },
  async apply(ctx, clientId, _key, data) {
    const before = await rangeOf(ctx.partnerId, clientId);
    const range = data.extensionRange;
    await getDb()
      .insert(agentExtensionRanges)
      .values({ clientId, partnerId: ctx.partnerId, first: range.first, last: range.last })
      .onConflictDoUpdate({ target: agentExtensionRanges.clientId, set: { first: range.first, last: range.last } });
    await recordAudit(getDb(), ctx, { partnerId: ctx.partnerId, action: 'client.extension_range_set', targetType: 'client', targetId: clientId, before, after: range });
  },
};
