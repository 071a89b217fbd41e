import { lt } from 'drizzle-orm';
import { getDb } from '@/db';
import { apiRequestLog, callEvents, events } from '@/db/schema';
import { pruneIdempotencyKeys } from '@/lib/api/idempotency';
import { pruneRateLimitWindows } from '@/lib/api/rate-limit';
import { eventRetentionMs } from '@/lib/events/list-events';
import { purgeExpiredSessions } from '@/lib/auth/auth-sessions';
import { purgeExpiredResets } from '@/lib/auth/password-reset';

export const requestLogRetentionMs = 7 * 24 * 60 * 60 * 1000;

/**
 * Deletes what has outlived its use: events after 30 days (their deliveries and attempts go with them),
 * expired idempotency keys, past rate-limit windows, API request log lines after 7 days, and the rows of sign-in
 * sessions and password-reset links a day after they expired.
 */
export async function runHousekeeping(now: Date = new Date()): Promise<void> {
  const db = getDb();
  await db.delete(events).where(lt(events.createdAt, new Date(now.getTime() - eventRetentionMs)));
  await pruneIdempotencyKeys(now);
  await pruneRateLimitWindows(now.getTime());
  await db.delete(apiRequestLog).where(lt(apiRequestLog.createdAt, new Date(now.getTime() - requestLogRetentionMs)));
  await purgeExpiredSessions(now);
  await purgeExpiredResets(now);
  // Accepted call event ids guard against replays; a carrier never repeats an event a month later.
  await db.delete(callEvents).where(lt(callEvents.createdAt, new Date(now.getTime() - eventRetentionMs)));
}
