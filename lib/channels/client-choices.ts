import { and, asc, eq, ne } from 'drizzle-orm';
import { getDb } from '@/db';
import { clients } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';

/** The clients a channel can be made for, by name (the console's choice list). */
export async function channelClientChoices(ctx: PartnerCtx) {
  requirePartnerRole(ctx, 'member');
  return getDb()
    .select({ id: clients.id, name: clients.name })
    .from(clients)
    .where(and(eq(clients.partnerId, ctx.partnerId), ne(clients.status, 'inactive')))
    .orderBy(asc(clients.name))
    .limit(500);
}
