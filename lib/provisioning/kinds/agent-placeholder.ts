import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { agents } from '@/db/schema';
import { createAgent, updateAgent } from '@/lib/agents/manage-agents';
import { extensionSchema, permissionGroups } from '@/lib/agents/schemas';
import type { ItemKind } from './types';

const schema = z.strictObject({
  name: z.string('Name the seat.').trim().min(1, 'Name the seat.').max(100, 'Use at most 100 characters.'),
  extension: extensionSchema,
  permissionGroup: z.enum(permissionGroups, 'Choose admin, supervisor or agent.').default('agent'),
  webrtc: z.boolean().default(true),
});
type AgentPlaceholder = z.output<typeof schema>;

/**
 * The placeholder's own address and number: nobody's, so nothing reaches a person before the client names
 * who sits there. `.invalid` is reserved (RFC 2606); the seat dials by WebRTC, never this number.
 */
const placeholderEmail = (extension: string) => `seat-${extension}@placeholder.invalid`;
const placeholderPhone = '+919000000000';

async function agentAt(partnerId: string, clientId: string, extension: string) {
  const [row] = await getDb()
    .select({ id: agents.id, name: agents.name, extension: agents.extension, permissionGroup: agents.permissionGroup, webrtc: agents.webrtc })
    .from(agents)
    .where(and(eq(agents.partnerId, partnerId), eq(agents.clientId, clientId), eq(agents.extension, extension)))
    .limit(1);
  return row;
}

/**
 * An agent seat, matched in the client by its extension: a name (a role such as “Sales 1” until a person is
 * named), its permission group (admin, supervisor, agent) and WebRTC. Permission groups are an attribute of
 * an agent, so they travel on the seat. A new seat gets a placeholder e-mail and an unusable random password;
 * the client sets the person's own when it fills the seat, and an update never touches them.
 */
export const agentPlaceholderKind: ItemKind<AgentPlaceholder> = {
  kind: 'agent_placeholder',
  label: 'Agent seat',
  description: 'An agent seat at an extension, with its permission group (admin, supervisor or agent); the client names the person later.',
  schema: schema as unknown as z.ZodType<AgentPlaceholder>,
  example: { name: 'Sales 1', extension: '2101', permissionGroup: 'agent', webrtc: true },
  keyOf: (data) => data.extension,
  labelOf: (data) => `${data.name} (${data.extension})`,
  async snapshot(ctx, clientId) {
    const rows = await getDb()
      .select({ name: agents.name, extension: agents.extension, permissionGroup: agents.permissionGroup, webrtc: agents.webrtc })
      .from(agents)
      .where(and(eq(agents.partnerId, ctx.partnerId), eq(agents.clientId, clientId), eq(agents.status, 'active')))
      .orderBy(asc(agents.extension));
    return rows.map((row) => ({ key: row.extension, data: { name: row.name, extension: row.extension, permissionGroup: row.permissionGroup, webrtc: row.webrtc } }));
  },
  async current(ctx, clientId, key) {
    const row = await agentAt(ctx.partnerId, clientId, key);
    return row ? { state: 'present', data: { name: row.name, extension: row.extension, permissionGroup: row.permissionGroup, webrtc: row.webrtc } } : { state: 'absent' };
  },
  async apply(ctx, clientId, key, data) {
    const row = await agentAt(ctx.partnerId, clientId, key);
    if (row) {
      await updateAgent(ctx, row.id, { name: data.name, permissionGroup: data.permissionGroup, webrtc: data.webrtc });
      return;
    }
    await createAgent(ctx, clientId, {
      name: data.name,
      extension: key,
      email: placeholderEmail(key),
      phone: placeholderPhone,
      password: `Seat-${randomBytes(18).toString('base64url')}-1a`,
      permissionGroup: data.permissionGroup,
      webrtc: data.webrtc,
      dialPreference: 'webrtc',
    });
  },
};
