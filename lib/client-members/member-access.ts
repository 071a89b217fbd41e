import { and, eq } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { clientMembers, clients } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { forbidden, notFound } from '@/lib/errors/app-error';

/**
 * Who may see and manage a client's members: the partner's staff (any role reads; admins and owners change),
 * its API keys, and the client's own members — each sees only their own client (another client's id is a 404),
 * and only the client's owners change anything. A member's role is read fresh, so a demotion takes effect at once.
 */
export async function assertMemberAccess(q: Queryable, ctx: PartnerCtx, clientId: string, access: 'read' | 'manage') {
  if (ctx.actor.type === 'client_member') {
    if (ctx.actor.clientId !== clientId || ctx.actor.partnerId !== ctx.partnerId) throw notFound('Client');
    if (access === 'manage') {
      const [me] = await q
        .select({ role: clientMembers.role })
        .from(clientMembers)
        .where(and(eq(clientMembers.id, ctx.actor.id), eq(clientMembers.clientId, clientId), eq(clientMembers.partnerId, ctx.partnerId)));
      if (me?.role !== 'owner') throw forbidden('Only the account’s owners can manage its members.');
    }
  } else {
    requirePartnerRole(ctx, access === 'manage' ? 'admin' : 'member');
  }
  const [client] = await q
    .select({ id: clients.id, name: clients.name, status: clients.status })
    .from(clients)
    .where(and(eq(clients.id, clientId), eq(clients.partnerId, ctx.partnerId)));
  if (!client) throw notFound('Client');
  return client;
}
