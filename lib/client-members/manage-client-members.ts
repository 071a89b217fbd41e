import { and, asc, eq, isNotNull, ne } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { clientMembers, partnerUsers, type ClientMember } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { endSessionsOf } from '@/lib/auth/auth-sessions';
import { digestToken, newSecretToken } from '@/lib/crypto/tokens';
import { queueTemplatedEmail } from '@/lib/email-templates/queue-templated-email';
import { AppError, conflict, forbidden, notFound } from '@/lib/errors/app-error';
import { isUniqueViolation } from '@/lib/errors/postgres';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { partnerHomeUrl } from '@/lib/tenancy/partner-home-url';
import { assertMemberAccess } from './member-access';
import { changeClientMemberRoleSchema, inviteClientMemberSchema, type InviteClientMemberInput } from './schemas';

/** How long a member's invitation link works. */
export const memberInviteLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export type ClientMemberView = {
  object: 'client_member';
  id: string;
  client_id: string;
  email: string;
  name: string;
  role: 'owner' | 'member';
  /** `invited` until the invitee chooses a password. */
  status: 'active' | 'invited';
  invite_expires_at: string | null;
  created_at: string;
};

export function memberView(row: ClientMember): ClientMemberView {
  return {
    object: 'client_member',
    id: row.id,
    client_id: row.clientId,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.passwordHash ? 'active' : 'invited',
    invite_expires_at: row.inviteExpiresAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

export async function listClientMembers(ctx: PartnerCtx, clientId: string): Promise<ClientMemberView[]> {
  const db = getDb();
  await assertMemberAccess(db, ctx, clientId, 'read');
  const rows = await db
    .select()
    .from(clientMembers)
    .where(and(eq(clientMembers.partnerId, ctx.partnerId), eq(clientMembers.clientId, clientId)))
    .orderBy(asc(clientMembers.id));
  return rows.map(memberView);
}

/** The name an invitation says it is from: the member or staff who sent it, else the partner's product. */
async function inviterName(tx: Tx, ctx: PartnerCtx): Promise<string | null> {
  const { actor } = ctx;
  if (actor.type === 'client_member') {
    const [row] = await tx.select({ name: clientMembers.name }).from(clientMembers).where(eq(clientMembers.id, actor.id));
    return row?.name ?? null;
  }
  if (actor.type === 'partner_user') {
    const [row] = await tx.select({ name: partnerUsers.name }).from(partnerUsers).where(eq(partnerUsers.id, actor.id));
    return row?.name ?? null;
  }
  return null;
}

/**
 * Invites someone to a client's account: a member row without a password and a branded invitation with an
 * expiring, single-use link where they choose one. The token is returned this once (only its digest is kept).
 */
export async function inviteClientMember(ctx: PartnerCtx, clientId: string, input: Untrusted<InviteClientMemberInput>): Promise<{ member: ClientMemberView; inviteToken: string }> {
  const data = parseInput(inviteClientMemberSchema, input);
  const token = newSecretToken();
  try {
    return await getDb().transaction(async (tx) => {
      const client = await assertMemberAccess(tx, ctx, clientId, 'manage');
      const [row] = await tx
        .insert(clientMembers)
        .values({ clientId, partnerId: ctx.partnerId, email: data.email, name: data.name, role: data.role, inviteTokenHash: digestToken(token), inviteExpiresAt: new Date(Date.now() + memberInviteLifetimeMs) })
        .returning();
      const url = await partnerHomeUrl(tx, ctx.partnerId, `/join/${token}`);
      await queueTemplatedEmail(tx, {
        partnerId: ctx.partnerId,
        clientId,
        to: data.email,
        type: 'client_member_invitation',
        values: { 'recipient.name': data.name, 'client.name': client.name, 'inviter.name': (await inviterName(tx, ctx)) ?? client.name, 'link.url': url, 'link.expires_in_days': String(memberInviteLifetimeMs / 86_400_000) },
      });
      await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'client_member.invited', targetType: 'client_member', targetId: row!.id, after: { client_id: clientId, email: data.email, name: data.name, role: data.role } });
      await emitEvent(tx, ctx.partnerId, 'client_member.invited', { client_id: clientId, member: { id: row!.id, email: data.email, name: data.name, role: data.role } });
      return { member: memberView(row!), inviteToken: token };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'client_members_partner_email_key')) throw conflict('Someone with this e-mail already has an account here.', 'email');
    throw error;
  }
}

/**
 * Locks the client's owners in id order before any other row, so two changes at once queue up instead of each
 * passing the last-owner check, and then the member being changed.
 */
async function lockMember(tx: Tx, ctx: PartnerCtx, clientId: string, memberId: string) {
  await tx
    .select({ id: clientMembers.id })
    .from(clientMembers)
    .where(and(eq(clientMembers.partnerId, ctx.partnerId), eq(clientMembers.clientId, clientId), eq(clientMembers.role, 'owner')))
    .orderBy(asc(clientMembers.id))
    .for('update');
  const [member] = await tx
    .select()
    .from(clientMembers)
    .where(and(eq(clientMembers.id, memberId), eq(clientMembers.clientId, clientId), eq(clientMembers.partnerId, ctx.partnerId)))
    .for('update');
  if (!member) throw notFound('Member');
  if (ctx.actor.type === 'client_member' && ctx.actor.id === memberId) throw forbidden('You cannot change your own membership; ask another owner.');
  return member;
}

/** An account must keep one owner who can sign in; an invited owner who has not accepted does not count. */
async function assertAnotherOwner(tx: Tx, ctx: PartnerCtx, clientId: string, memberId: string) {
  const others = await tx
    .select({ id: clientMembers.id })
    .from(clientMembers)
    .where(and(eq(clientMembers.partnerId, ctx.partnerId), eq(clientMembers.clientId, clientId), eq(clientMembers.role, 'owner'), isNotNull(clientMembers.passwordHash), ne(clientMembers.id, memberId)));
  if (others.length === 0) throw new AppError('conflict', 'The account must keep at least one owner.');
}

export async function changeClientMemberRole(ctx: PartnerCtx, clientId: string, memberId: string, input: Untrusted<{ role: string }>): Promise<ClientMemberView> {
  const data = parseInput(changeClientMemberRoleSchema, input);
  return getDb().transaction(async (tx) => {
    await assertMemberAccess(tx, ctx, clientId, 'manage');
    const member = await lockMember(tx, ctx, clientId, memberId);
    if (member.role === data.role) return memberView(member);
    if (member.role === 'owner') await assertAnotherOwner(tx, ctx, clientId, member.id);
    const [row] = await tx.update(clientMembers).set({ role: data.role }).where(eq(clientMembers.id, member.id)).returning();
    // Pages read the role fresh, but a session opened under the old role ends too.
    await endSessionsOf(tx, member.id, 'role_changed');
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'client_member.role_changed', targetType: 'client_member', targetId: member.id, before: { role: member.role }, after: { role: data.role } });
    await emitEvent(tx, ctx.partnerId, 'client_member.role_changed', { client_id: clientId, member: { id: member.id, email: member.email, role: data.role }, previous_role: member.role });
    return memberView(row!);
  });
}

/** Removes a member (or withdraws an invitation); their open sessions end at once, on every instance. */
export async function removeClientMember(ctx: PartnerCtx, clientId: string, memberId: string): Promise<{ object: 'client_member'; id: string; deleted: true }> {
  return getDb().transaction(async (tx) => {
    await assertMemberAccess(tx, ctx, clientId, 'manage');
    const member = await lockMember(tx, ctx, clientId, memberId);
    if (member.role === 'owner') await assertAnotherOwner(tx, ctx, clientId, member.id);
    await tx.delete(clientMembers).where(eq(clientMembers.id, member.id));
    await endSessionsOf(tx, member.id, 'removed');
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'client_member.removed', targetType: 'client_member', targetId: member.id, before: { client_id: clientId, email: member.email, role: member.role } });
    await emitEvent(tx, ctx.partnerId, 'client_member.removed', { client_id: clientId, member: { id: member.id, email: member.email, role: member.role } });
    return { object: 'client_member', id: member.id, deleted: true };
  });
}
