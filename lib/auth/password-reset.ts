import { and, count, eq, gt, gte, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { clientMembers, clients, operatorUsers, partnerUsers, passwordResets, type AccountAudience } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/audit/context';
import { digestToken, newSecretToken } from '@/lib/crypto/tokens';
import { AppError } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { queueTemplatedEmail } from '@/lib/email-templates/queue-templated-email';
import { hostOrigin, platformUrl } from '@/lib/tenancy/urls';
import { resolveHost, type ResolvedHost } from '@/lib/tenancy/resolve-host';
import { auditTargetOf, newPasswordSchema, writePasswordHash } from './account-password';
import { endSessionsOf } from './auth-sessions';
import { clearAccountFailures, throttleKeys } from './login-throttle';
import { hashPassword } from './password';

/**
 * A reset link lives half an hour and works once. At most 3 are sent to one account an hour and 20 are asked for
 * from one IP: beyond that the request is silently dropped, since saying so would tell whether the address exists.
 */
export const resetPolicy = { lifetimeMs: 30 * 60_000, maxPerAccountPerHour: 3, maxPerIpPerHour: 20 };

export const forgotPasswordSchema = z.object({ email: z.string().trim().toLowerCase().max(320).email('Enter the e-mail address you sign in with.') });

/** What the forgot-password form always answers, whether or not the address has an account. */
export const resetRequestedMessage = 'If an account uses that address, we have sent it a link to choose a new password. The link works once, for 30 minutes.';

/** `clientId`: the client a member belongs to, whose usage its reset e-mail counts as. */
type Account = { audience: AccountAudience; id: string; name: string; email: string; partnerId: string | null; clientId?: string };

/** The accounts an e-mail may reset on this host: the same ones it could sign in to (see authenticate.ts). */
async function accountsFor(host: ResolvedHost, email: string): Promise<Account[]> {
  const db = getDb();
  if (host.kind === 'platform') {
    const rows = await db.select({ id: operatorUsers.id, name: operatorUsers.name, email: operatorUsers.email }).from(operatorUsers).where(and(eq(operatorUsers.email, email), isNull(operatorUsers.disabledAt)));
    return rows.map((r) => ({ ...r, audience: 'operator' as const, partnerId: null }));
  }
  if (host.kind !== 'partner' || host.tenant.status !== 'active') return [];
  const partnerId = host.tenant.partnerId;
  // An invited user who never chose a password accepts the invitation instead.
  const staff = await db
    .select({ id: partnerUsers.id, name: partnerUsers.name, email: partnerUsers.email, passwordHash: partnerUsers.passwordHash })
    .from(partnerUsers)
    .where(and(eq(partnerUsers.partnerId, partnerId), eq(partnerUsers.email, email)));
  const members = await db
    .select({ id: clientMembers.id, name: clientMembers.name, email: clientMembers.email, clientId: clientMembers.clientId })
    .from(clientMembers)
    .innerJoin(clients, eq(clients.id, clientMembers.clientId))
    .where(and(eq(clientMembers.partnerId, partnerId), eq(clientMembers.email, email), eq(clients.status, 'active')));
  return [
    ...staff.filter((r) => r.passwordHash).map(({ id, name, email }) => ({ id, name, email, audience: 'partner' as const, partnerId })),
    ...members.map((r) => ({ ...r, audience: 'client' as const, partnerId })),
  ];
}

async function sentRecently(where: ReturnType<typeof and>, since: Date): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(passwordResets).where(and(where, gte(passwordResets.createdAt, since)));
  return row?.n ?? 0;
}

/**
 * "Forgot password": e-mails a reset link to each account the address has on this host, through the outbox and
 * in the host's brand (the partner's on its hosts, the platform's for operators). Answers nothing either way.
 */
export async function requestPasswordReset(input: { host: string | null; ip: string | null; fields: Untrusted<z.input<typeof forgotPasswordSchema>> }, now = new Date()): Promise<void> {
  const { email } = parseInput(forgotPasswordSchema, input.fields);
  const host = await resolveHost(input.host);
  const hourAgo = new Date(now.getTime() - 60 * 60_000);
  if (input.ip && (await sentRecently(eq(passwordResets.requestedIp, input.ip), hourAgo)) >= resetPolicy.maxPerIpPerHour) return;
  for (const account of await accountsFor(host, email)) {
    if ((await sentRecently(eq(passwordResets.accountId, account.id), hourAgo)) >= resetPolicy.maxPerAccountPerHour) continue;
    const token = newSecretToken();
    const url = host.kind === 'partner' ? `${hostOrigin(host.tenant.hostname)}/reset-password/${token}` : platformUrl(`/admin/reset-password/${token}`);
    await getDb().transaction(async (tx) => {
      await tx.insert(passwordResets).values({ audience: account.audience, accountId: account.id, partnerId: account.partnerId, tokenHash: digestToken(token), expiresAt: new Date(now.getTime() + resetPolicy.lifetimeMs), requestedIp: input.ip, createdAt: now });
      await queueTemplatedEmail(tx, { partnerId: account.partnerId, clientId: account.clientId, to: account.email, type: 'password_reset', values: { 'recipient.name': account.name, 'link.url': url, 'link.expires_in_minutes': String(resetPolicy.lifetimeMs / 60_000) } });
      await recordAudit(tx, { actor: { type: 'system' }, ip: input.ip }, { partnerId: account.partnerId, action: 'auth.password_reset_requested', targetType: auditTargetOf[account.audience], targetId: account.id });
    });
  }
}

const expiredLink = () => new AppError('not_found', 'This link has expired or was already used. Ask for a new one on the sign-in page.');

/** The open reset a link's token names, if it belongs to this host's audience (a partner's link works only on its hosts). */
async function openReset(q: Tx | ReturnType<typeof getDb>, host: ResolvedHost, token: string, now: Date, lock = false) {
  if (host.kind === 'unknown' || !token || token.length > 200) return null;
  const query = q
    .select()
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, digestToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
  const [reset] = lock ? await query.for('update') : await query;
  if (!reset) return null;
  const sameHost = host.kind === 'platform' ? reset.audience === 'operator' : reset.partnerId === host.tenant.partnerId && host.tenant.status === 'active';
  return sameHost ? reset : null;
}

/** For the reset page: whether the link still works (so a dead one says so before anyone types a password). */
export async function resetLinkIsOpen(hostHeader: string | null, token: string, now = new Date()): Promise<boolean> {
  return Boolean(await openReset(getDb(), await resolveHost(hostHeader), token, now));
}

/**
 * Sets the new password a reset link was for. The link and any other open link of the account stop working,
 * every session of the account ends, a sign-in lock is lifted, and a temporary password no longer needs changing.
 */
export async function resetPasswordWithToken(input: { host: string | null; ip: string | null; token: string; fields: Untrusted<z.input<typeof newPasswordSchema>> }, now = new Date()): Promise<{ audience: AccountAudience }> {
  const data = parseInput(newPasswordSchema, input.fields);
  const host = await resolveHost(input.host);
  const passwordHash = await hashPassword(data.password);
  const ctx: Ctx = { actor: { type: 'system' }, ip: input.ip };
  const account = await getDb().transaction(async (tx) => {
    const reset = await openReset(tx, host, input.token, now, true);
    if (!reset) throw expiredLink();
    const ref = { audience: reset.audience, id: reset.accountId, partnerId: reset.partnerId };
    await writePasswordHash(tx, ref, passwordHash, false);
    await tx.update(passwordResets).set({ usedAt: now }).where(and(eq(passwordResets.accountId, reset.accountId), isNull(passwordResets.usedAt)));
    await endSessionsOf(tx, reset.accountId, 'password_reset');
    await recordAudit(tx, ctx, { partnerId: reset.partnerId, action: 'auth.password_reset', targetType: auditTargetOf[reset.audience], targetId: reset.accountId });
    return ref;
  });
  const email = await emailOf(account.audience, account.id);
  if (email) await clearAccountFailures(throttleKeys(account.partnerId ?? 'platform', email, null));
  return { audience: account.audience };
}

async function emailOf(audience: AccountAudience, id: string): Promise<string | null> {
  const db = getDb();
  const table = audience === 'operator' ? operatorUsers : audience === 'partner' ? partnerUsers : clientMembers;
  const [row] = await db.select({ email: table.email }).from(table).where(eq(table.id, id));
  return row?.email ?? null;
}

/** Housekeeping: reset links a day after they expired. */
export async function purgeExpiredResets(now = new Date()): Promise<void> {
  await getDb().delete(passwordResets).where(or(lt(passwordResets.expiresAt, new Date(now.getTime() - 24 * 60 * 60_000))));
}
