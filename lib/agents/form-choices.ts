import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { agents, clients } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';

/** How many clients and agents the console's pickers offer; beyond that, filter by client first. */
export const choiceLimit = 500;

/** The caller's clients that can have agents (active ones, and pending while onboarding), for pickers. */
export async function clientChoices(ctx: PartnerCtx): Promise<{ id: string; name: string }[]> {
  requirePartnerRole(ctx, 'member');
  return getDb().select({ id: clients.id, name: clients.name }).from(clients).where(eq(clients.partnerId, ctx.partnerId)).orderBy(asc(clients.name)).limit(choiceLimit);
}

/** Active agents who can be chosen as managers: of one client, or of every client (labelled with it). */
export async function managerChoices(ctx: PartnerCtx, clientId?: string): Promise<{ value: string; label: string }[]> {
  requirePartnerRole(ctx, 'member');
  const rows = await getDb()
    .select({ id: agents.id, name: agents.name, extension: agents.extension, client: clients.name })
    .from(agents)
    .innerJoin(clients, eq(clients.id, agents.clientId))
    .where(and(eq(agents.partnerId, ctx.partnerId), eq(agents.status, 'active'), clientId ? eq(agents.clientId, clientId) : undefined))
    .orderBy(asc(clients.name), asc(agents.name))
    .limit(choiceLimit);
  return rows.map((row) => ({ value: row.id, label: clientId ? `${row.name} (${row.extension})` : `${row.name} (${row.extension}, ${row.client})` }));
}
