import { getDb } from '@/db';
import { partnerUsers } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { hashPassword } from '@/lib/auth/password';
import { forbidden, conflict } from '@/lib/errors/app-error';
import { isUniqueViolation } from '@/lib/errors/postgres';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { digestToken, newSecretToken, newTemporaryPassword } from '@/lib/crypto/tokens';
import { outranks, requirePartnerRole } from '@/lib/auth/permissions';
import { addTeamMemberSchema, type AddTeamMemberInput } from './schemas';
import { inviteLifetimeMs, queueInviteEmail } from './invite-email';

export { inviteLifetimeMs };

export type AddedTeamMember = {
  user: { id: string; email: string; name: string; role: 'owner' | 'admin' | 'member' };
  /** Present once, when delivery is `password`: shown to the person who added the user and never stored. */
  temporaryPassword?: string;
  /** Present once, when delivery is `invite`: the secret part of the invitation link. */
  inviteToken?: string;
};

/**
 * Adds a user to the partner's team. Admins may add admins and members; only owners (and operators) add owners.
 */
export async function addTeamMember(ctx: PartnerCtx, input: Untrusted<AddTeamMemberInput>): Promise<AddedTeamMember> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(addTeamMemberSchema, input);
  if (ctx.actor.type === 'partner_user' && !outranks(ctx.actor.role, data.role)) {
    throw forbidden('You cannot give someone a role above your own.');
  }

  const temporaryPassword = data.delivery === 'password' ? newTemporaryPassword() : undefined;
  const inviteToken = data.delivery === 'invite' ? newSecretToken() : undefined;
  try {
    const user = await getDb().transaction(async (tx) => {
      const [row] = await tx
        .insert(partnerUsers)
        .values({
          partnerId: ctx.partnerId,
          email: data.email,
          name: data.name,
          role: data.role,
          passwordHash: temporaryPassword ? await hashPassword(temporaryPassword) : null,
          // Whoever added them has seen the temporary password: they choose their own at the first sign-in.
          mustChangePassword: Boolean(temporaryPassword),
          inviteTokenHash: inviteToken ? digestToken(inviteToken) : null,
          inviteExpiresAt: inviteToken ? new Date(Date.now() + inviteLifetimeMs) : null,
        })
        .returning({ id: partnerUsers.id, email: partnerUsers.email, name: partnerUsers.name, role: partnerUsers.role });
      await recordAudit(tx, ctx, {
        partnerId: ctx.partnerId,
        action: data.delivery === 'invite' ? 'team.invited' : 'team.user_created',
        targetType: 'partner_user',
        targetId: row!.id,
        after: { email: data.email, name: data.name, role: data.role },
      });
      if (inviteToken) await queueInviteEmail(tx, ctx.partnerId, row!, inviteToken);
      return row!;
    });
    return { user, temporaryPassword, inviteToken };
  } catch (error) {
    if (isUniqueViolation(error, 'partner_users_partner_email_key')) throw conflict('Someone with this e-mail is already on the team.', 'email');
    throw error;
  }
}
