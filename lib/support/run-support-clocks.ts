import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import { getDb } from '@/db';
import { supportTickets } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { getConfig } from '@/lib/config';
import { raiseBreach, saveTicket, statusPatch } from './status-change';

const batch = 100;
const system = { name: 'System', email: null };

/**
 * The worker's support round: raises `ticket.sla_breached` for every running clock past its due time (once per
 * ticket and target: the flag is set in the same transaction, under the row's lock, so two workers never raise
 * it twice), and closes tickets solved longer ago than SUPPORT_SOLVED_CLOSE_DAYS. Paused clocks (pending on the
 * requester) are skipped: their due times move on when the pause ends.
 */
export async function runSupportClocks(now = new Date()): Promise<{ breaches: number; closed: number }> {
  const db = getDb();
  let breaches = 0;
  for (const metric of ['first_response', 'resolution'] as const) {
    const due = metric === 'first_response' ? supportTickets.firstResponseDueAt : supportTickets.resolutionDueAt;
    const running =
      metric === 'first_response'
        ? and(isNull(supportTickets.firstResponseAt), isNull(supportTickets.firstResponseBreachedAt), isNull(supportTickets.pausedSince))
        : and(isNull(supportTickets.solvedAt), isNull(supportTickets.resolutionBreachedAt), isNull(supportTickets.pausedSince));
    for (;;) {
      const raised = await db.transaction(async (tx) => {
        const rows = await tx.select().from(supportTickets).where(and(running, lt(due, now))).orderBy(asc(due)).limit(batch).for('update', { skipLocked: true });
        for (const ticket of rows) await raiseBreach(tx, ticket, metric, now);
        return rows.length;
      });
      breaches += raised;
      if (raised < batch) break;
    }
  }
  const closeBefore = new Date(now.getTime() - getConfig().SUPPORT_SOLVED_CLOSE_DAYS * 24 * 60 * 60 * 1000);
  let closed = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = await tx.select().from(supportTickets).where(and(eq(supportTickets.status, 'solved'), lt(supportTickets.solvedAt, closeBefore))).limit(batch).for('update', { skipLocked: true });
      for (const ticket of rows) await saveTicket(tx, systemCtx, system, ticket, statusPatch(ticket, 'closed', now), now, 'ticket.auto_closed');
      return rows.length;
    });
    closed += done;
    if (done < batch) break;
  }
  return { breaches, closed };
}
