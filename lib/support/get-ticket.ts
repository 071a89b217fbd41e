import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { getDb } from '@/db';
import { clients, operatorUsers, partnerUsers, partners, ticketAttachments, ticketHistory, ticketMessages } from '@/db/schema';
import type { Ctx } from '@/lib/audit/context';
import { assertPartnerReach, deskOf, sideOf, ticketFor, type Desk } from './access';
import { slaView } from './clock-math';
import { supportNow } from './policy';

/**
 * One ticket as the caller may see it: the requester side gets public replies, their files and the public
 * history only, so an internal note cannot leak through any face that shows a ticket (page, API, reply link).
 */
export async function getTicket(ctx: Ctx, ticketId: string) {
  const desk = deskOf(ctx);
  await assertPartnerReach(getDb(), ctx, desk);
  return ticketView(desk, ticketId);
}

export async function ticketView(desk: Desk, ticketId: string, forcedSide?: 'requester') {
  const db = getDb();
  const ticket = await ticketFor(db, desk, ticketId);
  const side = forcedSide ?? sideOf(desk, ticket);
  const handler = side === 'handler';
  const messages = await db
    .select({ id: ticketMessages.id, authorName: ticketMessages.authorName, authorType: ticketMessages.authorType, side: ticketMessages.side, visibility: ticketMessages.visibility, body: ticketMessages.body, createdAt: ticketMessages.createdAt })
    .from(ticketMessages)
    .where(and(eq(ticketMessages.ticketId, ticket.id), handler ? undefined : eq(ticketMessages.visibility, 'public')))
    .orderBy(asc(ticketMessages.id));
  const visibleIds = messages.map((m) => m.id);
  const attachments = await db
    .select({ id: ticketAttachments.id, messageId: ticketAttachments.messageId, filename: ticketAttachments.filename, contentType: ticketAttachments.contentType, bytes: ticketAttachments.bytes, createdAt: ticketAttachments.createdAt })
    .from(ticketAttachments)
    .where(and(eq(ticketAttachments.ticketId, ticket.id), or(isNull(ticketAttachments.messageId), visibleIds.length ? inArray(ticketAttachments.messageId, visibleIds) : undefined)))
    .orderBy(asc(ticketAttachments.id));
  const history = await db
    .select({ id: ticketHistory.id, kind: ticketHistory.kind, actorName: ticketHistory.actorName, detail: ticketHistory.detail, createdAt: ticketHistory.createdAt })
    .from(ticketHistory)
    .where(and(eq(ticketHistory.ticketId, ticket.id), handler ? undefined : eq(ticketHistory.internal, false)))
    .orderBy(asc(ticketHistory.id));
  const [client] = ticket.clientId ? await db.select({ id: clients.id, name: clients.name }).from(clients).where(eq(clients.id, ticket.clientId)) : [];
  const [partner] = await db.select({ id: partners.id, name: partners.name, kind: partners.kind }).from(partners).where(eq(partners.id, ticket.partnerId));
  let assignee: { id: string; name: string } | null = null;
  if (ticket.assigneeId) {
    const table = ticket.level === 'client' ? partnerUsers : operatorUsers;
    const [row] = await db.select({ id: table.id, name: table.name }).from(table).where(eq(table.id, ticket.assigneeId));
    assignee = row ?? null;
  }
  return { ticket, side, messages, attachments, history, client: client ?? null, partner: partner!, assignee, sla: slaView(ticket, supportNow()) };
}

export type TicketView = Awaited<ReturnType<typeof ticketView>>;
