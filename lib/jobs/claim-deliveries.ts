import { and, asc, eq, inArray, lt, lte, or } from 'drizzle-orm';
import { getDb } from '@/db';
import { webhookDeliveries } from '@/db/schema';

/**
 * The queue is the webhook_deliveries table itself, claimed with `SELECT … FOR UPDATE SKIP LOCKED`, rather
 * than pg-boss or graphile-worker:
 * - it must run the same on the embedded PGlite inside the app process as on PostgreSQL; those libraries
 *   expect a server they reach over their own connections (graphile-worker also LISTENs, and wants its
 *   functions and triggers installed), and PGlite allows one process and one connection;
 * - no extra schema, migrations or daemon to operate: the worker is a loop over a table;
 * - we need the deliveries table anyway, as the log partners read (status, attempts, responses), and events
 *   write their deliveries into it in the same transaction as the change (the outbox). A separate job queue
 *   would be a second copy of that state to keep in step.
 * SKIP LOCKED lets any number of workers claim disjoint rows without waiting on each other; the lease lets a
 * crashed worker's claims go back to the pool without anyone having to notice the crash.
 */

export type ClaimOptions = {
  now: Date;
  limit: number;
  leaseMs: number;
  /** Serve only these partners' deliveries (a dedicated worker, or a test that must not touch other rows). */
  partnerIds?: string[];
};

export type Claim = { id: string; leaseUntil: Date };

/**
 * Claims up to `limit` deliveries that are due, or whose previous worker's lease ran out, in one short
 * transaction: they are `delivering` and leased to the caller when it commits. The lease end doubles as the
 * claim's token: finishing a delivery checks it, so a worker that overran its lease cannot overwrite the
 * outcome of the one that took over.
 */
export async function claimDueDeliveries({ now, limit, leaseMs, partnerIds }: ClaimOptions): Promise<Claim[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return getDb().transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(
          or(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)), and(eq(webhookDeliveries.status, 'delivering'), lt(webhookDeliveries.leaseUntil, now))),
          partnerIds ? inArray(webhookDeliveries.partnerId, partnerIds) : undefined,
        ),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(webhookDeliveries)
      .set({ status: 'delivering', leaseUntil })
      .where(inArray(webhookDeliveries.id, due.map((row) => row.id)))
      .returning({ id: webhookDeliveries.id, leaseUntil: webhookDeliveries.leaseUntil }) as Promise<Claim[]>;
  });
}
