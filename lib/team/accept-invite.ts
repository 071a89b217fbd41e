import { and, eq, gt } from 'drizzle-orm';
import { getDb } from '@/db';
import { partnerUsers } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { hashPassword } from '@/lib/auth/password';
import { digestToken } from '@/lib/crypto/tokens';
import { AppError } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { acceptInviteSchema } from './schemas';
import type { z } from 'zod';

const expired = () => new AppError('not_found', 'This invitation is no longer valid. Ask your team admin for a new one.');

/** The invitation behind a link, if it is still open and belongs to the partner of the host it was opened on. */
export async function findInvite(partnerId: string, token: string) {
  const [user] = await getDb()
    .select({ id: partnerUsers.id, email: partnerUsers.email, name: partnerUsers.name })
    .from(partnerUsers)
    .where(and(eq(partnerUsers.partnerId, partnerId), eq(partnerUsers.inviteTokenHash, digestToken(token)), gt(partnerUsers.inviteExpiresAt, new Date())))
    .limit(1);
  return user ?? null;
}

/** Sets the invited user's name and password and closes the invitation; the link cannot be used twice. */
export async function acceptInvite(partnerId: string, input: Untrusted<z.input<typeof acceptInviteSchema>>, ip?: string | null) {
  const data = parseInput(acceptInviteSchema, input);
  const invite = await findInvite(partnerId, data.token);
  if (!invite) throw expired();
  const passwordHash = await hashPassword(data.password);
  return getDb().transaction(async (tx) => {
    const [user] = await tx
      .update(partnerUsers)
      .set({ name: data.name, passwordHash, inviteTokenHash: null, inviteExpiresAt: null })
      .where(and(eq(partnerUsers.id, invite.id), eq(partnerUsers.inviteTokenHash, digestToken(data.token))))
      .returning({ id: partnerUsers.id, email: partnerUsers.email });
    if (!user) throw expired();
    await recordAudit(tx, { actor: { type: 'system' }, ip }, { partnerId, action: 'team.invite_accepted', targetType: 'partner_user', targetId: user.id });
    return user;
  });
}
