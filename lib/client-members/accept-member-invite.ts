import { and, eq, gt } from 'drizzle-orm';
import { getDb } from '@/db';
import { clientMembers, clients } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { hashPassword } from '@/lib/auth/password';
import { digestToken } from '@/lib/crypto/tokens';
import { AppError } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import type { z } from 'zod';
import { acceptClientMemberInviteSchema } from './schemas';

const expired = () => new AppError('not_found', 'This invitation is no longer valid. Ask the account’s owner for a new one.');

/** The open invitation behind a link, if it belongs to the partner of the host it was opened on. */
export async function findMemberInvite(partnerId: string, token: string) {
  if (!token || token.length > 100) return null;
  const [row] = await getDb()
    .select({ id: clientMembers.id, email: clientMembers.email, name: clientMembers.name, clientName: clients.name })
    .from(clientMembers)
    .innerJoin(clients, eq(clients.id, clientMembers.clientId))
    .where(and(eq(clientMembers.partnerId, partnerId), eq(clientMembers.inviteTokenHash, digestToken(token)), gt(clientMembers.inviteExpiresAt, new Date())))
    .limit(1);
  return row ?? null;
}

/** Sets the invitee's name and password and closes the invitation: the link works once. */
export async function acceptMemberInvite(partnerId: string, input: Untrusted<z.input<typeof acceptClientMemberInviteSchema>>, ip?: string | null) {
  const data = parseInput(acceptClientMemberInviteSchema, input);
  const invite = await findMemberInvite(partnerId, data.token);
  if (!invite) throw expired();
  const passwordHash = await hashPassword(data.password);
  return getDb().transaction(async (tx) => {
    const [member] = await tx
      .update(clientMembers)
      .set({ name: data.name, passwordHash, inviteTokenHash: null, inviteExpiresAt: null })
      .where(and(eq(clientMembers.id, invite.id), eq(clientMembers.inviteTokenHash, digestToken(data.token)), gt(clientMembers.inviteExpiresAt, new Date())))
      .returning({ id: clientMembers.id, email: clientMembers.email });
    if (!member) throw expired();
    await recordAudit(tx, { actor: { type: 'system' }, ip }, { partnerId, action: 'client_member.invite_accepted', targetType: 'client_member', targetId: member.id });
    return member;
  });
}
