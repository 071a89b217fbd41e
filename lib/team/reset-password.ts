import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { partnerUsers } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx, PartnerCtx } from '@/lib/audit/context';
import { clearAccountFailures, throttleKeys } from '@/lib/auth/login-throttle';
import { hashPassword } from '@/lib/auth/password';
import { passwordSchema } from '@/lib/auth/password-policy';
import { endSessionsOf } from '@/lib/auth/auth-sessions';
import { conflict, notFound } from '@/lib/errors/app-error';
import { newTemporaryPassword } from '@/lib/crypto/tokens';
import { requireOperator, requirePartnerRole } from '@/lib/auth/permissions';
import { lockManageableUser } from './change-team-member';
import { parseInput } from '@/lib/errors/zod';
import { emailSchema } from './schemas';

export const setPartnerUserPasswordSchema = z.object({ partnerId: z.string().min(1), email: emailSchema, password: passwordSchema });

/**
 * Sets a partner user's password on their behalf (operator staff, or the CLI acting as the system). Any open
 * invitation is closed, since the account can now be signed in to, every session of theirs ends, and a sign-in
 * lock on the account is lifted. `temporary` (the CLI): they must change it at their next sign-in.
 */
export async function setPartnerUserPassword(ctx: Ctx, input: z.input<typeof setPartnerUserPasswordSchema>, options: { temporary?: boolean } = {}) {
  requireOperator(ctx);
  const data = parseInput(setPartnerUserPasswordSchema, input);
  const passwordHash = await hashPassword(data.password);
  const user = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(partnerUsers)
      .set({ passwordHash, mustChangePassword: options.temporary ?? false, inviteTokenHash: null, inviteExpiresAt: null })
      .where(and(eq(partnerUsers.partnerId, data.partnerId), eq(partnerUsers.email, data.email)))
      .returning({ id: partnerUsers.id, email: partnerUsers.email, name: partnerUsers.name });
    if (!row) throw notFound(`Team member “${data.email}”`);
    await endSessionsOf(tx, row.id, 'password_reset');
    await recordAudit(tx, ctx, { partnerId: data.partnerId, action: 'team.password_reset', targetType: 'partner_user', targetId: row.id });
    return row;
  });
  await clearAccountFailures(throttleKeys(data.partnerId, data.email, null));
  return user;
}

/**
 * An admin resets a colleague's password from the Team page: a temporary one, shown once to the admin, which
 * the colleague must replace at their next sign-in. Every session of theirs ends at once.
 */
export async function resetTeamMemberPassword(ctx: PartnerCtx, userId: string): Promise<{ user: { id: string; email: string; name: string }; temporaryPassword: string }> {
  requirePartnerRole(ctx, 'admin');
  const temporaryPassword = newTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const user = await getDb().transaction(async (tx) => {
    const member = await lockManageableUser(tx, ctx, userId);
    if (!member.passwordHash) throw conflict('They have not accepted their invitation yet: resend it instead.');
    await tx.update(partnerUsers).set({ passwordHash, mustChangePassword: true }).where(eq(partnerUsers.id, member.id));
    await endSessionsOf(tx, member.id, 'password_reset');
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'team.password_reset', targetType: 'partner_user', targetId: member.id });
    return { id: member.id, email: member.email, name: member.name };
  });
  await clearAccountFailures(throttleKeys(ctx.partnerId, user.email, null));
  return { user, temporaryPassword };
}
