import type { SupportTicket } from '@/db/schema';
import { slaTargets, type TicketPriority } from './policy';

type Clocked = Pick<SupportTicket, 'createdAt' | 'pausedMs' | 'pausedSince'>;

/** Working time of a ticket at `at`: since it was opened, less every pause (the one in progress included). */
export function workingMs(ticket: Clocked, at: Date): number {
  const current = ticket.pausedSince ? Math.max(0, at.getTime() - ticket.pausedSince.getTime()) : 0;
  return Math.max(0, at.getTime() - ticket.createdAt.getTime() - ticket.pausedMs - current);
}

/** Due times for a priority, given the pauses so far (a pause in progress moves them on when it ends). */
export function dueTimes(createdAt: Date, priority: TicketPriority, pausedMs: number) {
  const target = slaTargets[priority];
  return { firstResponseDueAt: new Date(createdAt.getTime() + target.firstResponseMs + pausedMs), resolutionDueAt: new Date(createdAt.getTime() + target.resolutionMs + pausedMs) };
}

export type SlaView = {
  firstResponse: { targetMs: number; elapsedMs: number; dueAt: Date | null; met: boolean | null; breached: boolean };
  resolution: { targetMs: number; elapsedMs: number; dueAt: Date | null; met: boolean | null; breached: boolean };
  paused: boolean;
};

/** The SLA as a page shows it at `now`: working time used, due time while running, and whether each target was missed. */
export function slaView(ticket: SupportTicket, now: Date): SlaView {
  const target = slaTargets[ticket.priority];
  const paused = ticket.pausedSince !== null;
  const firstElapsed = ticket.firstResponseMs ?? workingMs(ticket, now);
  const resolutionElapsed = ticket.resolutionMs ?? workingMs(ticket, now);
  const firstBreached = ticket.firstResponseBreachedAt !== null || firstElapsed > target.firstResponseMs;
  const resolutionBreached = ticket.resolutionBreachedAt !== null || resolutionElapsed > target.resolutionMs;
  return {
    paused,
    firstResponse: { targetMs: target.firstResponseMs, elapsedMs: firstElapsed, dueAt: ticket.firstResponseAt || paused ? null : ticket.firstResponseDueAt, met: ticket.firstResponseAt ? !firstBreached : null, breached: firstBreached },
    resolution: { targetMs: target.resolutionMs, elapsedMs: resolutionElapsed, dueAt: ticket.solvedAt || paused ? null : ticket.resolutionDueAt, met: ticket.solvedAt ? !resolutionBreached : null, breached: resolutionBreached },
  };
}
