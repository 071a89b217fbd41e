import { inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { loginThrottle } from '@/db/schema';

/**
 * Failed sign-ins are counted per account and per IP address in PostgreSQL, so every app instance sees the
 * same numbers. Each failure is answered more slowly than the last; enough failures in the window lock the
 * key for a while. An IP gets more room than an account because offices share one address.
 *
 * Both counts are kept per scope (a partner, or 'platform' for operators): failures on one partner's hosts never
 * lock anyone out of another's, so a sprayer aiming at Acme from a shared address (an office, a carrier's NAT)
 * does not lock Globex's users who sign in from behind the same one.
 */
export const throttlePolicy = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxAccountFailures: 5,
  maxIpFailures: 30,
};

export type ThrottleKeys = { account: string; ip: string | null };

export function throttleKeys(scope: string, email: string, ip: string | null | undefined): ThrottleKeys {
  return { account: `account:${scope}:${email.trim().toLowerCase()}`, ip: ip ? `ip:${scope}:${ip}` : null };
}

const keyList = (keys: ThrottleKeys) => [keys.account, ...(keys.ip ? [keys.ip] : [])];

/** A lock in force: when it ends, and whether the account or the IP is locked, so the answer can say which. */
export type ThrottleLock = { until: Date; locked: 'account' | 'ip' };

/** Of the locks in force, the one that ends last (the account's when both end together): the one to wait out. */
function latestLock(locks: { key: string; lockedUntil: Date | null }[], keys: ThrottleKeys, now: Date): ThrottleLock | null {
  let latest: ThrottleLock | null = null;
  for (const { key, lockedUntil } of locks) {
    if (!lockedUntil || lockedUntil <= now) continue;
    const locked = key === keys.account ? 'account' : 'ip';
    if (!latest || lockedUntil > latest.until || (lockedUntil.getTime() === latest.until.getTime() && locked === 'account')) latest = { until: lockedUntil, locked };
  }
  return latest;
}

/** The lock on the account or the IP that is in force, or null. */
export async function currentLock(keys: ThrottleKeys, now = new Date()): Promise<ThrottleLock | null> {
  const rows = await getDb().select({ key: loginThrottle.key, lockedUntil: loginThrottle.lockedUntil }).from(loginThrottle).where(inArray(loginThrottle.key, keyList(keys)));
  return latestLock(rows, keys, now);
}

/**
 * A timestamp parameter for raw SQL. Drizzle's postgres.js driver leaves date encoding to the column mappings,
 * which raw `sql` fragments bypass, so a bare Date there fails on PostgreSQL (PGlite happens to accept it).
 */
const timestamp = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/** Counts one failure for the account and the IP; returns the account's failures in the window and any lock. */
export async function recordFailure(keys: ThrottleKeys, now = new Date()): Promise<{ failures: number; lock: ThrottleLock | null }> {
  const db = getDb();
  const windowStart = new Date(now.getTime() - throttlePolicy.windowMs);
  const bump = async (key: string, max: number) => {
    // A failure after the window, or after a lock ran out, starts a fresh count.
    const fresh = sql`(${loginThrottle.windowStartedAt} < ${timestamp(windowStart)} or (${loginThrottle.lockedUntil} is not null and ${loginThrottle.lockedUntil} <= ${timestamp(now)}))`;
    const failures = sql<number>`case when ${fresh} then 1 else ${loginThrottle.failures} + 1 end`;
    const [row] = await db
      .insert(loginThrottle)
      .values({ key, failures: 1, windowStartedAt: now, lockedUntil: max <= 1 ? new Date(now.getTime() + throttlePolicy.lockMs) : null })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures,
          windowStartedAt: sql`case when ${fresh} then ${timestamp(now)} else ${loginThrottle.windowStartedAt} end`,
          lockedUntil: sql`case when ${failures} >= ${max} then ${timestamp(new Date(now.getTime() + throttlePolicy.lockMs))} when ${fresh} then null else ${loginThrottle.lockedUntil} end`,
        },
      })
      .returning({ failures: loginThrottle.failures, lockedUntil: loginThrottle.lockedUntil });
    return row!;
  };
  const account = await bump(keys.account, throttlePolicy.maxAccountFailures);
  const ip = keys.ip ? await bump(keys.ip, throttlePolicy.maxIpFailures) : null;
  const locks = [{ key: keys.account, lockedUntil: account.lockedUntil }, ...(ip && keys.ip ? [{ key: keys.ip, lockedUntil: ip.lockedUntil }] : [])];
  return { failures: account.failures, lock: latestLock(locks, keys, now) };
}

/** A successful sign-in forgives the account's earlier failures (the IP's count stands). */
export async function clearAccountFailures(keys: ThrottleKeys): Promise<void> {
  await getDb().delete(loginThrottle).where(inArray(loginThrottle.key, [keys.account]));
}

/** How long to hold a failed answer: 0.25 s, 0.5 s, 1 s, 2 s, then 4 s at most. */
export function failureDelayMs(failures: number): number {
  return Math.min(250 * 2 ** Math.max(0, failures - 1), 4000);
}
