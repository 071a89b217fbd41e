import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { clients } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';

export type ClientCounts = { total: number; active: number; pending: number; inactive: number };

/** Clients of the caller's partner by status, for the dashboard. */
export async function countClients(ctx: PartnerCtx): Promise<ClientCounts> {
  requirePartnerRole(ctx, 'member');
  const rows = await getDb().select({ status: clients.status, n: count() }).from(clients).where(eq(clients.partnerId, ctx.partnerId)).groupBy(clients.status);
  const counts: ClientCounts = { total: 0, active: 0, pending: 0, inactive: 0 };
  for (const row of rows) {
    counts[row.status] = row.n;
    counts.total += row.n;
  }
  return counts;
}
