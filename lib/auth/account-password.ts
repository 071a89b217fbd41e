import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Queryable } from '@/db';
import { clientMembers, operatorUsers, partnerUsers, type AccountAudience } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/audit/context';
import { invalid } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { endSessionsOf } from './auth-sessions';
import { hashPassword, verifyPassword } from './password';
import { passwordSchema } from './password-policy';

/** One account of any audience, as the password and session functions need it. */
export type AccountRef = { audience: AccountAudience; id: string; partnerId: string | null };

export const auditTargetOf: Record<AccountAudience, string> = { operator: 'operator_user', partner: 'partner_user', client: 'client_member' };

/** The form asking for a new password twice: one schema for choosing it, changing it and resetting it. */
export const newPasswordSchema = z
  .object({ password: passwordSchema, password_confirmation: z.string() })
  .refine((value) => value.password === value.password_confirmation, { path: ['password_confirmation'], message: 'The two passwords differ.' });

/**
 * Writes an account's new password hash. `temporary` marks a password someone else chose (an operator, an admin
 * or the CLI): the account must change it at its next sign-in.
 */
export async function writePasswordHash(q: Queryable, account: AccountRef, passwordHash: string, temporary: boolean): Promise<void> {
  const set = { passwordHash, mustChangePassword: temporary };
  if (account.audience === 'operator') await q.update(operatorUsers).set(set).where(eq(operatorUsers.id, account.id));
  else if (account.audience === 'partner') await q.update(partnerUsers).set(set).where(eq(partnerUsers.id, account.id));
  else await q.update(clientMembers).set(set).where(eq(clientMembers.id, account.id));
}

async function currentPasswordOf(account: AccountRef): Promise<{ passwordHash: string | null; mustChangePassword: boolean }> {
  const table = account.audience === 'operator' ? operatorUsers : account.audience === 'partner' ? partnerUsers : clientMembers;
  const [row] = await getDb().select({ passwordHash: table.passwordHash, mustChangePassword: table.mustChangePassword }).from(table).where(eq(table.id, account.id));
  return row ?? { passwordHash: null, mustChangePassword: false };
}

/**
 * The signed-in person chooses a new password (the forced change after a temporary one, too). Every other
 * session of the account ends, since whoever knew the old password may hold one; this one stays open.
 */
export async function changeOwnPassword(ctx: Ctx, account: AccountRef & { sessionId: string }, input: Untrusted<z.input<typeof newPasswordSchema>>): Promise<void> {
  const data = parseInput(newPasswordSchema, input);
  const current = await currentPasswordOf(account);
  // A temporary password was seen by whoever set it: keeping it would defeat the change.
  if (current.mustChangePassword && (await verifyPassword(current.passwordHash, data.password))) {
    throw invalid('password', 'Choose a password other than the temporary one you were given.');
  }
  const passwordHash = await hashPassword(data.password);
  await getDb().transaction(async (tx) => {
    await writePasswordHash(tx, account, passwordHash, false);
    await endSessionsOf(tx, account.id, 'password_changed', { except: account.sessionId });
    await recordAudit(tx, ctx, { partnerId: account.partnerId, action: 'auth.password_changed', targetType: auditTargetOf[account.audience], targetId: account.id });
  });
}

/** "Sign out everywhere": ends every session of the account, this one included, on every app instance. */
export async function signOutEverywhere(ctx: Ctx, account: AccountRef): Promise<number> {
  return getDb().transaction(async (tx) => {
    const ended = await endSessionsOf(tx, account.id, 'signed_out_everywhere');
    await recordAudit(tx, ctx, { partnerId: account.partnerId, action: 'auth.signed_out_everywhere', targetType: auditTargetOf[account.audience], targetId: account.id, after: { sessions_ended: ended } });
    return ended;
  });
}
