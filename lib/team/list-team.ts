import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { partnerUsers } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';

export type TeamMember = {
  id: string;
  email: string;
  name: string;
  role: 'owner' | 'admin' | 'member';
  state: 'active' | 'invited' | 'invite_expired';
  createdAt: Date;
};

export async function listTeam(ctx: PartnerCtx): Promise<TeamMember[]> {
  requirePartnerRole(ctx, 'member');
  const rows = await getDb()
    .select({
      id: partnerUsers.id,
      email: partnerUsers.email,
      name: partnerUsers.name,
      role: partnerUsers.role,
      passwordHash: partnerUsers.passwordHash,
      inviteExpiresAt: partnerUsers.inviteExpiresAt,
      createdAt: partnerUsers.createdAt,
    })
    .from(partnerUsers)
    .where(eq(partnerUsers.partnerId, ctx.partnerId))
    .orderBy(asc(partnerUsers.createdAt));
  const now = Date.now();
  return rows.map(({ passwordHash, inviteExpiresAt, ...user }) => ({
    ...user,
    state: passwordHash ? 'active' : inviteExpiresAt && inviteExpiresAt.getTime() > now ? 'invited' : 'invite_expired',
  }));
}
