import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { operatorUsers } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/audit/context';
import { hashPassword } from '@/lib/auth/password';
import { passwordSchema } from '@/lib/auth/password-policy';
import { requireOperator } from '@/lib/auth/permissions';
import { conflict } from '@/lib/errors/app-error';
import { isUniqueViolation } from '@/lib/errors/postgres';
import { parseInput } from '@/lib/errors/zod';
import { emailSchema, personNameSchema } from '@/lib/team/schemas';

export const createOperatorSchema = z.object({ email: emailSchema, name: personNameSchema, password: passwordSchema });

/** `temporary`: the password was chosen for them (the CLI), so they must change it at their first sign-in. */
export async function createOperator(ctx: Ctx, input: z.input<typeof createOperatorSchema>, options: { temporary?: boolean } = {}) {
  requireOperator(ctx);
  const data = parseInput(createOperatorSchema, input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await getDb().transaction(async (tx) => {
      const [row] = await tx.insert(operatorUsers).values({ email: data.email, name: data.name, passwordHash, mustChangePassword: options.temporary ?? false }).returning({ id: operatorUsers.id, email: operatorUsers.email });
      await recordAudit(tx, ctx, { action: 'operator.created', targetType: 'operator_user', targetId: row!.id, after: { email: data.email } });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'operator_users_email_key')) throw conflict('An operator with this e-mail already exists.', 'email');
    throw error;
  }
}

export async function countOperators(): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(operatorUsers);
  return row?.n ?? 0;
}

export async function findOperatorByEmail(email: string) {
  const [row] = await getDb().select().from(operatorUsers).where(eq(operatorUsers.email, email.trim().toLowerCase())).limit(1);
  return row ?? null;
}
