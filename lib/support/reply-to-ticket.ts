import type { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { ticketMessages, type SupportTicket } from '@/db/schema';
import type { Ctx } from '@/lib/audit/context';
import { conflict, forbidden } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { assertPartnerReach, deskOf, identityOf, sideOf, ticketFor, type Desk } from './access';
import { checkAttachments, storeAttachments } from './attachments';
import { workingMs } from './clock-math';
import { addHistory } from './history';
import { notifyHandlers, notifyRequester } from './notify';
import { supportNow, type TicketStatus } from './policy';
import { replySchema, type AttachmentInput } from './schemas';
import { saveTicket, statusPatch } from './status-change';

/**
 * Adds a reply to a ticket. A public reply reaches the other side (by e-mail too); an internal note is the
 * handling team's alone: never shown, mailed or sent over the API to the requester. The handling team's first
 * public reply stops the first-response clock; a requester's reply to a ticket pending on it (or solved)
 * reopens it, restarting the clocks.
 */
export async function replyToTicket(ctx: Ctx, ticketId: string, input: Untrusted<z.input<typeof replySchema>>, files?: AttachmentInput[]) {
  return replyAs(ctx, deskOf(ctx), ticketId, input, files);
}

/** The reply link's face: the requester a notification went to, without a session (see reply-link.ts). */
export async function replyAs(ctx: Ctx, desk: Desk, ticketId: string, input: Untrusted<z.input<typeof replySchema>>, files?: AttachmentInput[], forcedSide?: 'requester') {
  const data = parseInput(replySchema, input);
  const checked = await checkAttachments(files);
  const now = supportNow();
  return getDb().transaction(async (tx) => {
    await assertPartnerReach(tx, ctx, desk);
    const ticket = await ticketFor(tx, desk, ticketId, true);
    const side = forcedSide ?? sideOf(desk, ticket);
    if (ticket.status === 'closed') throw conflict('This ticket is closed; open a new one.', 'body');
    if (side === 'requester' && data.internal) throw forbidden('Only the team handling a ticket can add internal notes.');
    if (side === 'requester' && data.status && data.status !== 'solved') throw forbidden('You can mark your ticket solved; other statuses are set by the team handling it.');
    const who = await identityOf(tx, ctx);
    const visibility = data.internal ? 'internal' : 'public';
    const [message] = await tx
      .insert(ticketMessages)
      .values({ ticketId: ticket.id, partnerId: ticket.partnerId, authorType: ctx.actor.type, authorId: ctx.actor.id ?? null, authorName: who.name, side, visibility, body: data.body, createdAt: now })
      .returning();
    const attachments = await storeAttachments(tx, { ticketId: ticket.id, partnerId: ticket.partnerId, messageId: message!.id, files: checked });
    await addHistory(tx, ctx, who, { ticketId: ticket.id, partnerId: ticket.partnerId, kind: data.internal ? 'note_added' : 'replied', internal: data.internal, detail: { message_id: message!.id, attachments: attachments.length }, at: now });

    let patch: Parameters<typeof saveTicket>[4] = { updatedAt: now };
    let next: TicketStatus | undefined = data.status;
    if (!next && !data.internal) {
      if (side === 'handler' && ticket.status === 'new') next = 'open';
      if (side === 'requester' && (ticket.status === 'pending' || ticket.status === 'solved')) next = 'open';
    }
    if (next && next !== ticket.status) patch = statusPatch(ticket, next, now);
    if (side === 'handler' && !data.internal && !ticket.firstResponseAt) {
      // Measured before this reply's own status change: a reply that also sets `pending` still answered in time.
      Object.assign(patch, { firstResponseAt: now, firstResponseMs: workingMs(ticket, now) });
    }
    const saved = await saveTicket(tx, ctx, who, ticket, patch, now, data.internal ? 'ticket.note_added' : 'ticket.replied', data.internal && ticket.level === 'partner');
    // A partner's own notes on its clients' tickets may feed its systems; the operator's notes on a partner's
    // ticket must never reach that partner, so they raise no event.
    if (!data.internal || ticket.level === 'client') {
      await emitEvent(tx, ticket.partnerId, 'ticket.replied', { ticket_id: ticket.id, level: ticket.level, client_id: ticket.clientId, message_id: message!.id, side, internal: data.internal, status: saved.status });
    }
    await notifyOtherSide(tx, saved, side, data.internal, who.name, data.body, now);
    return { ticket: saved, message: message!, attachments };
  });
}

async function notifyOtherSide(tx: Tx, ticket: SupportTicket, side: 'requester' | 'handler', internal: boolean, author: string, body: string, now: Date) {
  if (internal) return;
  if (side === 'handler') await notifyRequester(tx, ticket, { heading: 'New reply to your ticket', summary: `${author} replied.`, quote: body }, now);
  else await notifyHandlers(tx, ticket, { heading: 'The requester replied', summary: `${author} replied.`, quote: body });
}
