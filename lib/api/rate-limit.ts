import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { rateLimitWindows } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { logger } from '@/lib/log/logger';

const windowMs = 60 * 60 * 1000;

export type RateLimitResult = { limit: number; remaining: number; resetSeconds: number; allowed: boolean };

type WindowState = { windowStart: number; syncedCount: number; unsynced: number; lastSyncAt: number };

/**
 * Requests per partner per hour, shared by every app instance through one counter row per window in
 * PostgreSQL. To keep the hot path cheap, an instance far from the limit counts in memory and adds its count to
 * the shared row at most once a second; once the estimate comes within 10 % of the limit (at least 20
 * requests), every request goes to the shared row, so the limit itself is exact across instances.
 */
const states = new Map<string, WindowState>();
const syncEveryMs = 1000;

function nearLimit(estimate: number, limit: number): boolean {
  return limit - estimate <= Math.max(20, Math.ceil(limit * 0.1));
}

async function addToSharedCount(partnerId: string, windowStart: number, delta: number): Promise<number> {
  const [row] = await getDb()
    .insert(rateLimitWindows)
    .values({ partnerId, windowStart: new Date(windowStart), count: delta })
    .onConflictDoUpdate({ target: [rateLimitWindows.partnerId, rateLimitWindows.windowStart], set: { count: sql`${rateLimitWindows.count} + ${delta}` } })
    .returning({ count: rateLimitWindows.count });
  return row!.count;
}

export async function consumeRateLimit(partnerId: string, limit: number, now = Date.now()): Promise<RateLimitResult> {
  const windowStart = Math.floor(now / windowMs) * windowMs;
  let state = states.get(partnerId);
  if (!state || state.windowStart !== windowStart) {
    state = { windowStart, syncedCount: 0, unsynced: 0, lastSyncAt: 0 };
    states.set(partnerId, state);
  }
  state.unsynced += 1;
  let count = state.syncedCount + state.unsynced;
  if (nearLimit(count, limit) || now - state.lastSyncAt >= syncEveryMs) {
    const delta = state.unsynced;
    state.unsynced = 0;
    state.lastSyncAt = now;
    try {
      state.syncedCount = await addToSharedCount(partnerId, windowStart, delta);
    } catch (error) {
      // Never fail a request because the counter could not be written; count it locally instead.
      state.unsynced += delta;
      logger.warn('rate limit counter unavailable', { error: (error as Error).message });
    }
    count = state.syncedCount + state.unsynced;
  }
  const resetSeconds = Math.ceil((windowStart + windowMs - now) / 1000);
  return { limit, remaining: Math.max(0, limit - count), resetSeconds, allowed: count <= limit };
}

/** IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers): the policy and what is left of it. */
export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  return {
    'RateLimit-Policy': `"hourly";q=${result.limit};w=3600`,
    RateLimit: `"hourly";r=${result.remaining};t=${result.resetSeconds}`,
  };
}

export function rateLimitedError(result: RateLimitResult): AppError {
  return new AppError('rate_limited', `This partner's limit of ${result.limit} requests an hour is used up; try again in ${result.resetSeconds} seconds.`, undefined, {
    'Retry-After': String(result.resetSeconds),
  });
}

/** Old windows are of no use once their hour has passed; the worker calls this now and then. */
export async function pruneRateLimitWindows(now = Date.now()): Promise<void> {
  await getDb().delete(rateLimitWindows).where(sql`${rateLimitWindows.windowStart} < ${new Date(now - 2 * windowMs).toISOString()}::timestamptz`);
}
