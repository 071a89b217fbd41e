import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { operatorUsers, partnerUsers, type SupportTicket } from '@/db/schema';
import type { Ctx } from '@/lib/audit/context';
import { forbidden, invalid } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { livePartnerOf } from '@/lib/partners/live-partner'; // a sandbox's tickets are handled by its live partner's team
import { assertPartnerReach, deskOf, identityOf, sideOf, ticketFor } from './access';
import { dueTimes } from './clock-math';
import { addHistory } from './history';
import { notifyRequester } from './notify';
import { statusLabels, supportNow } from './policy';
import { updateTicketSchema } from './schemas';
import { saveTicket, statusPatch } from './status-change';

/** Assignees come from the team that handles the ticket: the partner's staff, or active operator staff. */
export async function assertAssignable(tx: Tx, ticket: SupportTicket, assigneeId: string) {
  const found =
    ticket.level === 'client'
      ? await tx.select({ id: partnerUsers.id }).from(partnerUsers).where(and(eq(partnerUsers.id, assigneeId), eq(partnerUsers.partnerId, await livePartnerOf(tx, ticket.partnerId))))
      : await tx.select({ id: operatorUsers.id }).from(operatorUsers).where(and(eq(operatorUsers.id, assigneeId), isNull(operatorUsers.disabledAt)));
  if (!found.length) throw invalid('assigneeId', 'Choose a member of the team that handles this ticket.');
}

/**
 * Changes a ticket's status, priority, category or assignee. The handling team may change any of them; the
 * requester may only mark its own ticket solved. A new priority moves the due times to its targets.
 */
export async function updateTicket(ctx: Ctx, ticketId: string, input: Untrusted<z.input<typeof updateTicketSchema>>) {
  const desk = deskOf(ctx);
  const data = parseInput(updateTicketSchema, input);
  const now = supportNow();
  return getDb().transaction(async (tx) => {
    await assertPartnerReach(tx, ctx, desk);
    const ticket = await ticketFor(tx, desk, ticketId, true);
    const side = sideOf(desk, ticket);
    if (side === 'requester' && (data.priority || data.category || data.assigneeId !== undefined || (data.status && data.status !== 'solved'))) {
      throw forbidden('You can mark your ticket solved; the team handling it sets everything else.');
    }
    const who = await identityOf(tx, ctx);
    const patch = data.status && data.status !== ticket.status ? statusPatch(ticket, data.status, now) : { updatedAt: now };
    if (data.priority && data.priority !== ticket.priority) {
      Object.assign(patch, { priority: data.priority, ...dueTimes(ticket.createdAt, data.priority, patch.pausedMs ?? ticket.pausedMs) });
      await addHistory(tx, ctx, who, { ticketId: ticket.id, partnerId: ticket.partnerId, kind: 'priority_changed', detail: { from: ticket.priority, to: data.priority }, at: now });
    }
    if (data.category && data.category !== ticket.category) {
      patch.category = data.category;
      await addHistory(tx, ctx, who, { ticketId: ticket.id, partnerId: ticket.partnerId, kind: 'category_changed', detail: { from: ticket.category, to: data.category }, at: now });
    }
    if (data.assigneeId !== undefined && data.assigneeId !== ticket.assigneeId) {
      if (data.assigneeId) await assertAssignable(tx, ticket, data.assigneeId);
      patch.assigneeId = data.assigneeId;
      await addHistory(tx, ctx, who, { ticketId: ticket.id, partnerId: ticket.partnerId, kind: 'assigned', internal: true, detail: { from: ticket.assigneeId, to: data.assigneeId }, at: now });
    }
    const saved = await saveTicket(tx, ctx, who, ticket, patch, now);
    if (side === 'handler' && saved.status !== ticket.status && (saved.status === 'solved' || saved.status === 'pending')) {
      const summary = saved.status === 'solved' ? 'We have marked your ticket solved. Reply if anything is still wrong and it reopens.' : 'We need something from you to go on: reply from the link below.';
      await notifyRequester(tx, saved, { heading: `Your ticket is ${statusLabels[saved.status].toLowerCase()}`, summary, quote: null }, now);
    }
    return saved;
  });
}

/** Who a ticket can be assigned to: the handling team's members, for the assignee choice. */
export async function assignableTeam(ticket: SupportTicket): Promise<{ id: string; name: string }[]> {
  const db = getDb();
  if (ticket.level === 'client') {
    const partnerId = await db.transaction((tx) => livePartnerOf(tx, ticket.partnerId));
    return db.select({ id: partnerUsers.id, name: partnerUsers.name }).from(partnerUsers).where(eq(partnerUsers.partnerId, partnerId)).orderBy(partnerUsers.name);
  }
  return db.select({ id: operatorUsers.id, name: operatorUsers.name }).from(operatorUsers).where(isNull(operatorUsers.disabledAt)).orderBy(operatorUsers.name);
}
