import { AsyncLocalStorage } from 'node:async_hooks';
import type { TicketPriority, TicketStatus } from './labels';

export * from './labels';

const hour = 60 * 60 * 1000;

/**
 * Service-level targets per priority, in working time (pauses excluded): the first public reply of the handling
 * team, and solving the ticket. The same for both levels, so a partner can promise its clients what it is
 * promised itself.
 */
export const slaTargets: Record<TicketPriority, { firstResponseMs: number; resolutionMs: number }> = {
  urgent: { firstResponseMs: 1 * hour, resolutionMs: 8 * hour },
  high: { firstResponseMs: 4 * hour, resolutionMs: 24 * hour },
  normal: { firstResponseMs: 8 * hour, resolutionMs: 72 * hour },
  low: { firstResponseMs: 24 * hour, resolutionMs: 168 * hour },
};

/** Statuses in which a ticket is still being worked: the backlog. */
export const openStatuses: readonly TicketStatus[] = ['new', 'open', 'pending', 'on_hold'];

/** The one status that stops the SLA clocks until the requester answers. */
export const pausingStatus: TicketStatus = 'pending';

/**
 * Where each status may go. `closed` is final (a new question is a new ticket); `solved` reopens on a reply and
 * closes itself after SUPPORT_SOLVED_CLOSE_DAYS; `new` is only the state before anyone has worked the ticket.
 */
export const allowedTransitions: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'on_hold', 'solved', 'closed'],
  open: ['pending', 'on_hold', 'solved', 'closed'],
  pending: ['open', 'on_hold', 'solved', 'closed'],
  on_hold: ['open', 'pending', 'solved', 'closed'],
  solved: ['open', 'closed'],
  closed: [],
};

const clock = new AsyncLocalStorage<Date>();

/** The time support rows are stamped with: now, or inside `atSupportTime` (tests, demo history) the time it gives. */
export const supportNow = () => clock.getStore() ?? new Date();
export const atSupportTime = <T>(at: Date, work: () => Promise<T>) => clock.run(at, work);
