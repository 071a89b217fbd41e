import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { partnerUsers } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/audit/context';
import { clearAccountFailures, throttleKeys } from '@/lib/auth/login-throttle';
import { hashPassword } from '@/lib/auth/password';
import { passwordSchema } from '@/lib/auth/password-policy';
import { requireOperator } from '@/lib/auth/permissions';
import { endSessionsOf } from '@/lib/auth/auth-sessions';
import { notFound } from '@/lib/errors/app-error';
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
