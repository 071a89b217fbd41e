import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { supportTickets, ticketHistory, type SupportTicket } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/audit/context';
import { conflict } from '@/lib/errors/app-error';
import { emitEvent } from '@/lib/events/emit-event';
import type { Identity } from './access';
import { workingMs } from './clock-math';
import { addHistory } from './history';
import { allowedTransitions, pausingStatus, slaTargets, statusLabels, type TicketStatus } from './policy';

type Patch = Partial<typeof supportTickets.$inferInsert>;

/**
 * What a move to `to` changes besides the status: a pause ending moves both due times on by its length, one
 * starting stops the clocks, solving records the resolution time (and a solve after the due time is a breach),
 * reopening a solved ticket clears it, closing stamps it.
 */
export function statusPatch(ticket: SupportTicket, to: TicketStatus, now: Date): Patch {
  if (!allowedTransitions[ticket.status].includes(to)) throw conflict(`A ${statusLabels[ticket.status].toLowerCase()} ticket cannot become ${statusLabels[to].toLowerCase()}.`, 'status');
  const patch: Patch = { status: to, updatedAt: now };
  let pausedMs = ticket.pausedMs;
  if (ticket.pausedSince && to !== pausingStatus) {
    const pause = Math.max(0, now.getTime() - ticket.pausedSince.getTime());
    pausedMs += pause;
    Object.assign(patch, { pausedSince: null, pausedMs, firstResponseDueAt: new Date(ticket.firstResponseDueAt.getTime() + pause), resolutionDueAt: new Date(ticket.resolutionDueAt.getTime() + pause) });
  }
  if (to === pausingStatus && !ticket.pausedSince) patch.pausedSince = now;
  const clocked = { ...ticket, pausedMs, pausedSince: to === pausingStatus ? (ticket.pausedSince ?? now) : null };
  if ((to === 'solved' || to === 'closed') && !ticket.solvedAt) {
    patch.solvedAt = now;
    patch.resolutionMs = workingMs(clocked, now);
  }
  if (to === 'open' && ticket.status === 'solved') Object.assign(patch, { solvedAt: null, resolutionMs: null });
  if (to === 'closed') patch.closedAt = now;
  return patch;
}

/**
 * Applies a patch, then records the history, audit and event of a status change if there was one. `operatorOnly`:
 * a change the requesting partner must not learn of (an operator's internal note), audited outside its log.
 */
export async function saveTicket(tx: Tx, ctx: Ctx, who: Identity, ticket: SupportTicket, patch: Patch, now: Date, auditAction = 'ticket.updated', operatorOnly = false): Promise<SupportTicket> {
  const [saved] = await tx.update(supportTickets).set(patch).where(eq(supportTickets.id, ticket.id)).returning();
  let next = saved!;
  if (patch.status && patch.status !== ticket.status) {
    await addHistory(tx, ctx, who, { ticketId: ticket.id, partnerId: ticket.partnerId, kind: ticket.status !== 'closed' && patch.status === 'closed' && ctx.actor.type === 'system' ? 'auto_closed' : 'status_changed', detail: { from: ticket.status, to: patch.status }, at: now });
    await emitEvent(tx, ticket.partnerId, 'ticket.status_changed', { ticket_id: ticket.id, level: ticket.level, client_id: ticket.clientId, from: ticket.status, to: patch.status });
  }
  next = await markLateBreaches(tx, next, now);
  // The operator's own notes on a partner's ticket go to the operator's audit trail, not the partner's.
  await recordAudit(tx, ctx, { partnerId: operatorOnly ? null : ticket.partnerId, action: auditAction, targetType: 'ticket', targetId: ticket.id, before: { status: ticket.status, priority: ticket.priority, category: ticket.category, assignee_id: ticket.assigneeId }, after: { status: next.status, priority: next.priority, category: next.category, assignee_id: next.assigneeId } });
  return next;
}

/**
 * A target met late (the first reply or the solve came after its due time) is a breach even if the worker had
 * not seen it yet: flagged here, in the same transaction, so the statistics never depend on the worker's timing.
 */
export async function markLateBreaches(tx: Tx, ticket: SupportTicket, now: Date): Promise<SupportTicket> {
  const target = slaTargets[ticket.priority];
  const late: ('first_response' | 'resolution')[] = [];
  if (!ticket.firstResponseBreachedAt && ticket.firstResponseMs !== null && ticket.firstResponseMs > target.firstResponseMs) late.push('first_response');
  if (!ticket.resolutionBreachedAt && ticket.resolutionMs !== null && ticket.resolutionMs > target.resolutionMs) late.push('resolution');
  for (const metric of late) await raiseBreach(tx, ticket, metric, now);
  return late.length ? { ...ticket, firstResponseBreachedAt: late.includes('first_response') ? now : ticket.firstResponseBreachedAt, resolutionBreachedAt: late.includes('resolution') ? now : ticket.resolutionBreachedAt } : ticket;
}

/** Flags one missed target and raises `ticket.sla_breached`, once per ticket and target. */
export async function raiseBreach(tx: Tx, ticket: SupportTicket, metric: 'first_response' | 'resolution', now: Date) {
  const column = metric === 'first_response' ? { firstResponseBreachedAt: now } : { resolutionBreachedAt: now };
  await tx.update(supportTickets).set(column).where(eq(supportTickets.id, ticket.id));
  const target = slaTargets[ticket.priority];
  const targetMs = metric === 'first_response' ? target.firstResponseMs : target.resolutionMs;
  await tx.insert(ticketHistory).values({ ticketId: ticket.id, partnerId: ticket.partnerId, actorType: 'system', actorName: 'System', kind: 'sla_breached', detail: { metric, target_ms: targetMs }, createdAt: now });
  await emitEvent(tx, ticket.partnerId, 'ticket.sla_breached', { ticket_id: ticket.id, level: ticket.level, client_id: ticket.clientId, priority: ticket.priority, metric, target_seconds: targetMs / 1000 });
  await recordAudit(tx, { actor: { type: 'system' } }, { partnerId: ticket.partnerId, action: 'ticket.sla_breached', targetType: 'ticket', targetId: ticket.id, after: { metric } });
}
