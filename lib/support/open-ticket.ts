import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db';
import { clients, supportTickets } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/audit/context';
import { forbidden, notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { isId } from '@/lib/ids';
import { assertPartnerReach, deskOf, identityOf } from './access';
import { checkAttachments, storeAttachments } from './attachments';
import { dueTimes } from './clock-math';
import { addHistory } from './history';
import { notifyHandlers, notifyRequester } from './notify';
import { supportNow } from './policy';
import { openTicketSchema, type AttachmentInput } from './schemas';

/**
 * Opens a ticket with whoever helps the caller: a client's member asks its partner (level `client`); a partner's
 * staff or API key asks the operator (level `partner`), about itself or about one of its clients. The handling
 * team is told by e-mail; the requester gets an acknowledgement with a reply link.
 */
export async function openTicket(ctx: Ctx, input: Untrusted<z.input<typeof openTicketSchema>>, files?: AttachmentInput[]) {
  const desk = deskOf(ctx);
  if (desk.kind === 'operator') throw forbidden('Operator staff answer tickets; partners and their clients open them.');
  const data = parseInput(openTicketSchema, input);
  const checked = await checkAttachments(files);
  const now = supportNow();
  return getDb().transaction(async (tx) => {
    await assertPartnerReach(tx, ctx, desk);
    let clientId: string | null = null;
    if (desk.kind === 'member') clientId = desk.clientId;
    else if (data.clientId) {
      const [client] = isId('client', data.clientId) ? await tx.select({ id: clients.id }).from(clients).where(and(eq(clients.id, data.clientId), eq(clients.partnerId, desk.partnerId))) : [];
      if (!client) throw notFound('Client');
      clientId = client.id;
    }
    const who = await identityOf(tx, ctx);
    const level = desk.kind === 'member' ? 'client' : 'partner';
    const [ticket] = await tx
      .insert(supportTickets)
      .values({
        level,
        partnerId: desk.partnerId,
        clientId,
        requesterType: ctx.actor.type,
        requesterId: ctx.actor.id ?? null,
        requesterName: who.name,
        requesterEmail: who.email,
        subject: data.subject,
        description: data.description,
        priority: data.priority,
        category: data.category,
        ...dueTimes(now, data.priority, 0),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const saved = ticket!;
    const attachments = await storeAttachments(tx, { ticketId: saved.id, partnerId: saved.partnerId, messageId: null, files: checked });
    await addHistory(tx, ctx, who, { ticketId: saved.id, partnerId: saved.partnerId, kind: 'created', detail: { priority: saved.priority, category: saved.category, attachments: attachments.length }, at: now });
    const payload = { ticket_id: saved.id, level, client_id: clientId, subject: saved.subject, priority: saved.priority, category: saved.category, status: saved.status };
    await recordAudit(tx, ctx, { partnerId: saved.partnerId, action: 'ticket.created', targetType: 'ticket', targetId: saved.id, after: payload });
    await emitEvent(tx, saved.partnerId, 'ticket.created', payload);
    await notifyHandlers(tx, saved, { heading: 'New support ticket', summary: `${who.name} opened a ${saved.priority} ticket.`, quote: saved.description });
    await notifyRequester(tx, saved, { heading: 'We have your request', summary: 'Your ticket is open; we will reply here. You can add to it from the link below.', quote: null }, now);
    return saved;
  });
}
