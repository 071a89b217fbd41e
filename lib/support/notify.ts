import { and, eq, isNull } from 'drizzle-orm';
import { createElement } from 'react';
import type { Tx } from '@/db';
import { operatorUsers, partnerUsers, type SupportTicket } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { queueEmail } from '@/lib/messages/queue-message';
import type { EmailBrand } from '@/lib/messages/templates/brand-email';
import { TicketEmail } from '@/lib/messages/templates/ticket-email';
import { emailBrandFor } from '@/lib/onboarding/registration-access';
import { adminRecipients } from '@/lib/team/admin-recipients';
import { partnerHomeUrl } from '@/lib/tenancy/partner-home-url';
import { platformUrl } from '@/lib/tenancy/urls';
import { replyLinkLifetimeMs, signReplyLink } from './reply-link';

type Notice = { heading: string; summary: string; quote: string | null };

const operatorBrand = (): EmailBrand => ({ productName: getConfig().PLATFORM_NAME, primaryColor: '#0f172a', supportEmail: null, logoUrl: null });

/**
 * A client's ticket is mail between the client and its partner: in the partner's brand. A partner's ticket is mail
 * between the partner and the operator: in the operator's, whichever side it goes to.
 */
const brandOf = (tx: Tx, ticket: SupportTicket) => (ticket.level === 'client' ? emailBrandFor(tx, ticket.partnerId) : Promise.resolve(operatorBrand()));

/** The handling team's addresses: the assignee when there is one, else the partner's owners and admins, or every active operator. */
async function handlerEmails(tx: Tx, ticket: SupportTicket): Promise<string[]> {
  if (ticket.level === 'client') {
    if (ticket.assigneeId) {
      const [user] = await tx.select({ email: partnerUsers.email }).from(partnerUsers).where(eq(partnerUsers.id, ticket.assigneeId));
      if (user) return [user.email];
    }
    return (await adminRecipients(tx, ticket.partnerId)).emails;
  }
  const rows = await tx
    .select({ email: operatorUsers.email })
    .from(operatorUsers)
    .where(and(isNull(operatorUsers.disabledAt), ticket.assigneeId ? eq(operatorUsers.id, ticket.assigneeId) : undefined));
  return rows.map((r) => r.email);
}

/** Where the requester is written to: its own address, or (a ticket an API key opened) the partner's owners and admins. */
async function requesterEmails(tx: Tx, ticket: SupportTicket): Promise<string[]> {
  if (ticket.requesterEmail) return [ticket.requesterEmail];
  return ticket.level === 'partner' ? (await adminRecipients(tx, ticket.partnerId)).emails : [];
}

export async function notifyHandlers(tx: Tx, ticket: SupportTicket, notice: Notice) {
  const to = await handlerEmails(tx, ticket);
  if (!to.length) return;
  const brand = await brandOf(tx, ticket);
  const url = ticket.level === 'client' ? await partnerHomeUrl(tx, ticket.partnerId, `/support/tickets/${ticket.id}`) : platformUrl(`/admin/support/${ticket.id}`);
  for (const email of to) {
    // Mail to the operator's staff is the operator's: it stays out of the partner's outbox view.
    await queueEmail(tx, { partnerId: ticket.level === 'partner' ? null : ticket.partnerId, to: email, subject: `[${brand.productName} support] ${ticket.subject}`, template: 'ticket_handler', element: createElement(TicketEmail, { brand, ...notice, subject: ticket.subject, url, linkLabel: 'Open the ticket' }) });
  }
}

/**
 * Mail to the requester carries a signed reply link (see reply-link.ts), on the host of whoever answers: the
 * partner's for a client's ticket, the platform's for a partner's. Callers pass only public text.
 */
export async function notifyRequester(tx: Tx, ticket: SupportTicket, notice: Notice, now: Date) {
  const to = await requesterEmails(tx, ticket);
  if (!to.length) return;
  const brand = await brandOf(tx, ticket);
  for (const email of to) {
    const token = signReplyLink({ ticketId: ticket.id, email, expiresAt: new Date(now.getTime() + replyLinkLifetimeMs) });
    const url = ticket.level === 'client' ? await partnerHomeUrl(tx, ticket.partnerId, `/support/reply/${token}`) : platformUrl(`/support/reply/${token}`);
    // A client's requester is the client's own mail (its usage); a partner's, even about a client, is the partner's.
    await queueEmail(tx, { partnerId: ticket.partnerId, clientId: ticket.level === 'client' ? ticket.clientId : null, to: email, subject: `[${brand.productName} support] ${ticket.subject}`, template: 'ticket_requester', element: createElement(TicketEmail, { brand, ...notice, subject: ticket.subject, url, linkLabel: 'View and reply' }) });
  }
}
