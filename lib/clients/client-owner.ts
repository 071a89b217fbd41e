import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { clientMembers } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';

/** The member who owns a client's account (the first, should there ever be several), or null. */
export async function getClientOwner(ctx: PartnerCtx, clientId: string) {
  requirePartnerRole(ctx, 'member');
  const [owner] = await getDb()
    .select({ id: clientMembers.id, name: clientMembers.name, email: clientMembers.email, createdAt: clientMembers.createdAt })
    .from(clientMembers)
    .where(and(eq(clientMembers.clientId, clientId), eq(clientMembers.partnerId, ctx.partnerId), eq(clientMembers.role, 'owner')))
    .orderBy(asc(clientMembers.id))
    .limit(1);
  return owner ?? null;
}
