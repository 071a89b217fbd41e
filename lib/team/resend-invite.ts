import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { partnerUsers } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { digestToken, newSecretToken } from '@/lib/crypto/tokens';
import { conflict } from '@/lib/errors/app-error';
import { lockManageableUser } from './change-team-member';
import { inviteLifetimeMs, queueInviteEmail } from './invite-email';

export type ResentInvite = {
  user: { id: string; email: string; name: string };
  /** The secret part of the new invitation link, returned this once and stored only as a digest. */
  inviteToken: string;
};

/**
 * Issues a fresh invitation to someone who has not accepted theirs (it expired, or the link was lost). The new
 * link replaces the old one, which stops working, and is valid for the full lifetime again.
 */
export async function resendInvite(ctx: PartnerCtx, userId: string): Promise<ResentInvite> {
  requirePartnerRole(ctx, 'admin');
  const inviteToken = newSecretToken();
  return getDb().transaction(async (tx) => {
    const user = await lockManageableUser(tx, ctx, userId);
    if (user.passwordHash) throw conflict(`${user.name} has already accepted and can sign in.`);
    await tx
      .update(partnerUsers)
      .set({ inviteTokenHash: digestToken(inviteToken), inviteExpiresAt: new Date(Date.now() + inviteLifetimeMs) })
      .where(eq(partnerUsers.id, user.id));
    await queueInviteEmail(tx, ctx.partnerId, user, inviteToken);
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'team.invite_resent', targetType: 'partner_user', targetId: user.id, after: { email: user.email } });
    return { user: { id: user.id, email: user.email, name: user.name }, inviteToken };
  });
}
