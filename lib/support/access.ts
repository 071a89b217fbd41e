import { and, eq, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { apiKeys, clientMembers, operatorUsers, partnerUsers, partners, supportTickets, type SupportTicket } from '@/db/schema';
import type { Ctx } from '@/lib/audit/context';
import { forbidden, notFound } from '@/lib/errors/app-error';
import { isId } from '@/lib/ids';

/**
 * Whose desk a context sits at. `member`: a client's member, who sees only its own client's tickets with its
 * partner. `partner`: a partner's staff or API key, who handles its clients' tickets and requests help from the
 * operator. `operator`: operator staff (or the system), who handle partners' tickets. A ticket outside the desk
 * is a 404, never a 403.
 */
export type Desk = { kind: 'member'; partnerId: string; clientId: string; memberId: string } | { kind: 'partner'; partnerId: string } | { kind: 'operator' };

export type Side = 'requester' | 'handler';

export function deskOf(ctx: Ctx): Desk {
  const { actor } = ctx;
  if (actor.type === 'client_member') return { kind: 'member', partnerId: actor.partnerId, clientId: actor.clientId, memberId: actor.id };
  const partnerId = 'partnerId' in ctx && typeof ctx.partnerId === 'string' ? ctx.partnerId : null;
  // A partner user acts in its live partner or that partner's sandbox: `assertPartnerReach` checks which.
  if (partnerId) return { kind: 'partner', partnerId };
  if (actor.type === 'operator' || actor.type === 'system') return { kind: 'operator' };
  throw forbidden();
}

/** Partner staff may act in their live partner and its sandbox; an API key only in its own partner row. */
export async function assertPartnerReach(q: Queryable, ctx: Ctx, desk: Desk): Promise<void> {
  if (desk.kind !== 'partner') return;
  const { actor } = ctx;
  if (actor.type === 'operator' || actor.type === 'system') return;
  if (actor.type === 'api_key') {
    if (actor.partnerId !== desk.partnerId) throw forbidden();
    return;
  }
  if (actor.type !== 'partner_user') throw forbidden();
  if (actor.partnerId === desk.partnerId) return;
  const [row] = await q.select({ parentId: partners.parentId }).from(partners).where(eq(partners.id, desk.partnerId));
  if (row?.parentId !== actor.partnerId) throw forbidden();
}

/** The tickets a desk may see at all. */
export function deskScope(desk: Desk): SQL {
  if (desk.kind === 'member') return and(eq(supportTickets.partnerId, desk.partnerId), eq(supportTickets.level, 'client'), eq(supportTickets.clientId, desk.clientId))!;
  if (desk.kind === 'partner') return eq(supportTickets.partnerId, desk.partnerId);
  return eq(supportTickets.level, 'partner');
}

/** Which side of a (visible) ticket the desk is on: requesters never see internal notes. */
export function sideOf(desk: Desk, ticket: Pick<SupportTicket, 'level'>): Side {
  if (desk.kind === 'member') return 'requester';
  if (desk.kind === 'operator') return 'handler';
  return ticket.level === 'client' ? 'handler' : 'requester';
}

/** Loads one ticket the desk may see (optionally locked for an update), or answers 404. */
export async function ticketFor(q: Queryable, desk: Desk, ticketId: string, lock = false): Promise<SupportTicket> {
  if (!isId('ticket', ticketId)) throw notFound('Ticket');
  const query = q.select().from(supportTickets).where(and(eq(supportTickets.id, ticketId), deskScope(desk)));
  const [ticket] = lock ? await query.for('update') : await query;
  if (!ticket) throw notFound('Ticket');
  return ticket;
}

export type Identity = { name: string; email: string | null };

/** The acting person's name and address, as a reply or history entry shows them. */
export async function identityOf(q: Queryable, ctx: Ctx): Promise<Identity> {
  const { actor } = ctx;
  if (actor.type === 'client_member') {
    const [m] = await q.select({ name: clientMembers.name, email: clientMembers.email }).from(clientMembers).where(eq(clientMembers.id, actor.id));
    return m ?? { name: 'Client member', email: null };
  }
  if (actor.type === 'partner_user') {
    const [u] = await q.select({ name: partnerUsers.name, email: partnerUsers.email }).from(partnerUsers).where(eq(partnerUsers.id, actor.id));
    return u ?? { name: 'Partner staff', email: null };
  }
  if (actor.type === 'operator') {
    const [o] = await q.select({ name: operatorUsers.name, email: operatorUsers.email }).from(operatorUsers).where(eq(operatorUsers.id, actor.id));
    return o ?? { name: 'Support', email: null };
  }
  if (actor.type === 'api_key') {
    const [k] = await q.select({ name: apiKeys.name }).from(apiKeys).where(eq(apiKeys.id, actor.id));
    return { name: k ? `API key “${k.name}”` : 'API key', email: null };
  }
  return { name: 'System', email: null };
}
