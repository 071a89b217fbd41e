import { and, eq, gt, isNull, lt, ne, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { getDb, type Queryable } from '@/db';
import { authSessions, type AccountAudience } from '@/db/schema';

/** As long as the session cookie: a session is never open longer than the cookie that names it. */
export const sessionLifetimeMs = 12 * 60 * 60 * 1000;

export type SessionEndReason = 'signed_out' | 'signed_out_everywhere' | 'password_changed' | 'password_reset' | 'role_changed' | 'removed';

/** Opens the session row a new sign-in's cookie will name. */
export async function startAuthSession(account: { audience: AccountAudience; accountId: string; partnerId: string | null }, now = new Date()): Promise<string> {
  const [row] = await getDb()
    .insert(authSessions)
    .values({ ...account, createdAt: now, expiresAt: new Date(now.getTime() + sessionLifetimeMs) })
    .returning({ id: authSessions.id });
  return row!.id;
}

/**
 * The condition a session query adds to its account lookup: the cookie's session row is open and belongs to
 * that account. It rides on the query that reads the account anyway (for its role), so checking it on every
 * request costs no extra round trip, and it needs no cache: an ended session is refused by every instance at once.
 */
export function openSessionOf(sessionId: string | undefined, accountId: AnyColumn): SQL {
  return sql`exists (select 1 from ${authSessions} where ${authSessions.id} = ${sessionId ?? ''} and ${authSessions.accountId} = ${accountId} and ${authSessions.endedAt} is null and ${authSessions.expiresAt} > now())`;
}

/** Ends one session (signing out): its cookie stops working everywhere, even a copy of it. */
export async function endAuthSession(sessionId: string, reason: SessionEndReason = 'signed_out'): Promise<void> {
  await getDb().update(authSessions).set({ endedAt: new Date(), endedReason: reason }).where(and(eq(authSessions.id, sessionId), isNull(authSessions.endedAt)));
}

/**
 * Ends every open session of an account (but `except`, the caller's own, when it keeps it), in the caller's
 * transaction. Returns how many ended.
 */
export async function endSessionsOf(q: Queryable, accountId: string, reason: SessionEndReason, options: { except?: string } = {}): Promise<number> {
  const ended = await q
    .update(authSessions)
    .set({ endedAt: new Date(), endedReason: reason })
    .where(and(eq(authSessions.accountId, accountId), isNull(authSessions.endedAt), gt(authSessions.expiresAt, new Date()), options.except ? ne(authSessions.id, options.except) : undefined))
    .returning({ id: authSessions.id });
  return ended.length;
}

/** Housekeeping: drops the rows of sessions that expired more than a day ago (an ended one expires too). */
export async function purgeExpiredSessions(now = new Date()): Promise<void> {
  await getDb().delete(authSessions).where(lt(authSessions.expiresAt, new Date(now.getTime() - 24 * 60 * 60 * 1000)));
}

/** Whether a session row is open (for the one place that has no account query to fold the check into). */
export async function sessionIsOpen(sessionId: string | undefined, accountId: string): Promise<boolean> {
  if (!sessionId) return false;
  const [row] = await getDb()
    .select({ id: authSessions.id })
    .from(authSessions)
    .where(and(eq(authSessions.id, sessionId), eq(authSessions.accountId, accountId), isNull(authSessions.endedAt), gt(authSessions.expiresAt, new Date())))
    .limit(1);
  return Boolean(row);
}
