import { and, asc, eq, isNotNull, ne } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { partnerUsers } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { outranks, requirePartnerRole } from '@/lib/auth/permissions';
import { endSessionsOf } from '@/lib/auth/auth-sessions';
import { AppError, forbidden, notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { changeRoleSchema } from './schemas';
import type { z } from 'zod';

/** Locks and returns a user of the caller's partner, checking the caller may manage them. */
export async function lockManageableUser(tx: Tx, ctx: PartnerCtx, userId: string) {
  const [user] = await tx
    .select()
    .from(partnerUsers)
    .where(and(eq(partnerUsers.id, userId), eq(partnerUsers.partnerId, ctx.partnerId)))
    .for('update');
  if (!user) throw notFound('Team member');
  if (ctx.actor.type === 'partner_user') {
    if (ctx.actor.id === userId) throw forbidden('You cannot change your own membership; ask another admin.');
    if (!outranks(ctx.actor.role, user.role)) throw forbidden('You cannot manage someone with a higher role.');
  }
  return user;
}

/**
 * Locks the partner's owners, in id order, before any other row: two admins demoting two owners at once then
 * queue up behind each other instead of each holding one owner and waiting for the other (a deadlock).
 */
async function lockOwners(tx: Tx, ctx: PartnerCtx) {
  await tx
    .select({ id: partnerUsers.id })
    .from(partnerUsers)
    .where(and(eq(partnerUsers.partnerId, ctx.partnerId), eq(partnerUsers.role, 'owner')))
    .orderBy(asc(partnerUsers.id))
    .for('update');
}

/**
 * A partner must always keep one owner who can sign in, or nobody could manage it. An owner who was invited and
 * has not chosen a password yet does not count: the invitation may never be accepted. Call after lockOwners, so
 * two changes at once cannot both pass this check and leave none.
 */
async function assertAnotherOwner(tx: Tx, ctx: PartnerCtx, userId: string) {
  const owners = await tx
    .select({ id: partnerUsers.id })
    .from(partnerUsers)
    .where(and(eq(partnerUsers.partnerId, ctx.partnerId), eq(partnerUsers.role, 'owner'), isNotNull(partnerUsers.passwordHash), ne(partnerUsers.id, userId)));
  if (owners.length === 0) throw new AppError('conflict', 'The team must keep at least one owner.');
}

export async function changeTeamRole(ctx: PartnerCtx, input: Untrusted<z.input<typeof changeRoleSchema>>) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(changeRoleSchema, input);
  if (ctx.actor.type === 'partner_user' && !outranks(ctx.actor.role, data.role)) throw forbidden('You cannot give someone a role above your own.');
  return getDb().transaction(async (tx) => {
    await lockOwners(tx, ctx);
    const user = await lockManageableUser(tx, ctx, data.userId);
    if (user.role === 'owner' && data.role !== 'owner') await assertAnotherOwner(tx, ctx, user.id);
    await tx.update(partnerUsers).set({ role: data.role }).where(eq(partnerUsers.id, user.id));
    // Pages read the role fresh, but a session opened under the old role ends too: they sign in again as the new one.
    if (user.role !== data.role) await endSessionsOf(tx, user.id, 'role_changed');
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'team.role_changed', targetType: 'partner_user', targetId: user.id, before: { role: user.role }, after: { role: data.role } });
  });
}

export async function removeTeamMember(ctx: PartnerCtx, userId: string) {
  requirePartnerRole(ctx, 'admin');
  return getDb().transaction(async (tx) => {
    await lockOwners(tx, ctx);
    const user = await lockManageableUser(tx, ctx, userId);
    if (user.role === 'owner') await assertAnotherOwner(tx, ctx, user.id);
    await tx.delete(partnerUsers).where(eq(partnerUsers.id, user.id));
    await endSessionsOf(tx, user.id, 'removed');
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: 'team.removed', targetType: 'partner_user', targetId: user.id, before: { email: user.email, role: user.role } });
  });
}
