import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { clients } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';

export async function listRecentClients(ctx: PartnerCtx, limit = 5) {
  requirePartnerRole(ctx, 'member');
  return getDb()
    .select({ id: clients.id, name: clients.name, email: clients.email, status: clients.status, createdAt: clients.createdAt })
    .from(clients)
    .where(eq(clients.partnerId, ctx.partnerId))
    .orderBy(desc(clients.id))
    .limit(limit);
}
