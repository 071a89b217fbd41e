import { inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { loginThrottle } from '@/db/schema';

/**
 * Failed sign-ins are counted per account and per IP address in PostgreSQL, so every app instance sees the
 * same numbers. Each failure is answered more slowly than the last; enough failures in the window lock the
 * key for a while. An IP gets more room than an account because offices share one address.
 */
export const throttlePolicy = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxAccountFailures: 5,
  maxIpFailures: 30,
};

export type ThrottleKeys = { account: string; ip: string | null };

export function throttleKeys(scope: string, email: string, ip: string | null | undefined): ThrottleKeys {
  return { account: `account:${scope}:${email.trim().toLowerCase()}`, ip: ip ? `ip:${ip}` : null };
}

const keyList = (keys: ThrottleKeys) => [keys.account, ...(keys.ip ? [keys.ip] : [])];

/** When the account or the IP is locked, the time the lock ends; otherwise null. */
export async function lockedUntil(keys: ThrottleKeys, now = new Date()): Promise<Date | null> {
  const rows = await getDb().select({ lockedUntil: loginThrottle.lockedUntil }).from(loginThrottle).where(inArray(loginThrottle.key, keyList(keys)));
  const ends = rows.map((r) => r.lockedUntil).filter((d): d is Date => !!d && d > now);
  return ends.length ? new Date(Math.max(...ends.map((d) => d.getTime()))) : null;
}

/**
 * A timestamp parameter for raw SQL. Drizzle's postgres.js driver leaves date encoding to the column mappings,
 * which raw `sql` fragments bypass, so a bare Date there fails on PostgreSQL (PGlite happens to accept it).
 */
const timestamp = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/** Counts one failure for the account and the IP; returns the account's failures in the window and any lock. */
export async function recordFailure(keys: ThrottleKeys, now = new Date()): Promise<{ failures: number; lockedUntil: Date | null }> {
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
  const locks = [account.lockedUntil, ip?.lockedUntil].filter((d): d is Date => !!d && d > now);
  return { failures: account.failures, lockedUntil: locks.length ? new Date(Math.max(...locks.map((d) => d.getTime()))) : null };
}

/** A successful sign-in forgives the account's earlier failures (the IP's count stands). */
export async function clearAccountFailures(keys: ThrottleKeys): Promise<void> {
  await getDb().delete(loginThrottle).where(inArray(loginThrottle.key, [keys.account]));
}

/** How long to hold a failed answer: 0.25 s, 0.5 s, 1 s, 2 s, then 4 s at most. */
export function failureDelayMs(failures: number): number {
  return Math.min(250 * 2 ** Math.max(0, failures - 1), 4000);
}
