import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { operatorUsers } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/audit/context';
import { clearAccountFailures, throttleKeys } from '@/lib/auth/login-throttle';
import { hashPassword } from '@/lib/auth/password';
import { passwordSchema } from '@/lib/auth/password-policy';
import { requireOperator } from '@/lib/auth/permissions';
import { endSessionsOf } from '@/lib/auth/auth-sessions';
import { notFound } from '@/lib/errors/app-error';
import { parseInput } from '@/lib/errors/zod';
import { emailSchema } from '@/lib/team/schemas';

export const resetOperatorPasswordSchema = z.object({ email: emailSchema, password: passwordSchema });

/**
 * Sets an operator's password (the way back in for someone who forgot theirs), ends every session of theirs and
 * lifts a sign-in lock. `temporary` (the CLI): they must change it at their next sign-in.
 */
export async function resetOperatorPassword(ctx: Ctx, input: z.input<typeof resetOperatorPasswordSchema>, options: { temporary?: boolean } = {}) {
  requireOperator(ctx);
  const data = parseInput(resetOperatorPasswordSchema, input);
  const passwordHash = await hashPassword(data.password);
  const operator = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(operatorUsers)
      .set({ passwordHash, mustChangePassword: options.temporary ?? false })
      .where(eq(operatorUsers.email, data.email))
      .returning({ id: operatorUsers.id, email: operatorUsers.email, name: operatorUsers.name, disabledAt: operatorUsers.disabledAt });
    if (!row) throw notFound(`Operator “${data.email}”`);
    await endSessionsOf(tx, row.id, 'password_reset');
    await recordAudit(tx, ctx, { action: 'operator.password_reset', targetType: 'operator_user', targetId: row.id });
    return row;
  });
  // Operators sign in on the platform host, whose throttle scope is 'platform' (see lib/auth/authenticate.ts).
  await clearAccountFailures(throttleKeys('platform', data.email, null));
  return operator;
}
