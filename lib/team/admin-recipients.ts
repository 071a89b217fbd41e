import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Tx } from '@/db';
import { partners, partnerUsers } from '@/db/schema';

/**
 * Where a partner's operational notices go: the owners and admins of the live partner (a sandbox's notices reach
 * the people who run its live partner) who can sign in, since an invitation nobody accepted may have gone to the
 * wrong address.
 */
export async function adminRecipients(tx: Tx, partnerId: string): Promise<{ emails: string[]; testMode: boolean }> {
  const [partner] = await tx.select({ id: partners.id, parentId: partners.parentId }).from(partners).where(eq(partners.id, partnerId));
  if (!partner) return { emails: [], testMode: false };
  const rows = await tx
    .select({ email: partnerUsers.email })
    .from(partnerUsers)
    .where(and(eq(partnerUsers.partnerId, partner.parentId ?? partner.id), inArray(partnerUsers.role, ['owner', 'admin']), isNotNull(partnerUsers.passwordHash)));
  return { emails: rows.map((row) => row.email), testMode: partner.parentId !== null };
}
