import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db';
import { clientMembers, partners, partnerUsers, supportTickets, type SupportTicket } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { notFound } from '@/lib/errors/app-error';
import type { Untrusted } from '@/lib/errors/zod';
import { isId } from '@/lib/ids';
import { deskOf } from './access';
import { ticketView } from './get-ticket';
import { verifyReplyLink } from './reply-link';
import { replyAs } from './reply-to-ticket';
import type { AttachmentInput, replySchema } from './schemas';

/** Where a reply link was opened: a partner's host (its clients' tickets) or the platform's (partners' tickets). */
export type LinkHost = { kind: 'partner'; partnerId: string } | { kind: 'platform' };

const expired = () => notFound('This link has expired or is not valid; sign in to see the ticket');

/** True when a ticket may be answered on this host: a client's on its partner's host (or a sandbox's on its live partner's). */
async function servedHere(ticket: SupportTicket, host: LinkHost): Promise<boolean> {
  if (host.kind === 'platform') return ticket.level === 'partner';
  if (ticket.level !== 'client') return false;
  if (ticket.partnerId === host.partnerId) return true;
  const [row] = await getDb().select({ parentId: partners.parentId }).from(partners).where(eq(partners.id, ticket.partnerId));
  return row?.parentId === host.partnerId;
}

/**
 * The requester a link was sent to, as a context: the member or partner user who opened the ticket, or (for a
 * ticket an API key opened) the partner's team member the notice went to. Anyone else, or a link of another
 * ticket or host, is a 404: the link stands in for a sign-in of that one person on that one ticket.
 */
async function linkContext(token: string, host: LinkHost): Promise<{ ctx: PartnerCtx; ticketId: string }> {
  const link = verifyReplyLink(token);
  if (!link || !isId('ticket', link.ticketId)) throw expired();
  const [ticket] = await getDb().select().from(supportTickets).where(eq(supportTickets.id, link.ticketId));
  if (!ticket || !(await servedHere(ticket, host))) throw expired();
  const email = link.email.toLowerCase();
  if (ticket.level === 'client') {
    const [member] = ticket.requesterType === 'client_member' && ticket.requesterId ? await getDb().select().from(clientMembers).where(and(eq(clientMembers.id, ticket.requesterId), eq(clientMembers.partnerId, ticket.partnerId))) : [];
    if (!member || member.email.toLowerCase() !== email || member.clientId !== ticket.clientId) throw expired();
    return { ticketId: ticket.id, ctx: { partnerId: ticket.partnerId, actor: { type: 'client_member', id: member.id, partnerId: ticket.partnerId, clientId: member.clientId } } };
  }
  const [partner] = await getDb().select({ id: partners.id, parentId: partners.parentId }).from(partners).where(eq(partners.id, ticket.partnerId));
  const [user] = await getDb().select().from(partnerUsers).where(and(eq(partnerUsers.partnerId, partner?.parentId ?? ticket.partnerId), eq(partnerUsers.email, email)));
  if (!user) throw expired();
  return { ticketId: ticket.id, ctx: { partnerId: ticket.partnerId, actor: { type: 'partner_user', id: user.id, partnerId: user.partnerId, role: user.role } } };
}

/** The ticket as its requester sees it: public replies only. */
export async function ticketByLink(token: string, host: LinkHost) {
  const { ctx, ticketId } = await linkContext(token, host);
  return ticketView(deskOf(ctx), ticketId, 'requester');
}

/** A public reply from the link's requester, as if signed in. */
export async function replyByLink(token: string, host: LinkHost, input: Untrusted<z.input<typeof replySchema>>, files?: AttachmentInput[]) {
  const { ctx, ticketId } = await linkContext(token, host);
  return replyAs(ctx, deskOf(ctx), ticketId, { body: input.body, internal: false }, files, 'requester');
}
