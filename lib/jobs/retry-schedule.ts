const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

/**
 * The Standard Webhooks retry schedule: the first attempt at once, then one after each of these waits
 * (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h). After the last attempt fails, the delivery fails.
 */
export const retryDelaysMs = [5 * second, 5 * minute, 30 * minute, 2 * hour, 5 * hour, 10 * hour, 14 * hour, 20 * hour, 24 * hour] as const;

export const maxAttempts = retryDelaysMs.length + 1;

/**
 * How long a worker owns the deliveries it claimed; one that dies lets them go again after this. WEBHOOK_LEASE_MS
 * shortens it for tests that kill a worker mid-delivery (see lib/jobs/worker.ts).
 */
export const leaseMs = 60 * second;

/** The most one attempt may take, answer included. Well inside the lease even with a batch in flight. */
export const deliveryTimeoutMs = 15 * second;

/** An endpoint failing without a single success for this long is disabled. */
export const disableAfterFailingMs = 5 * 24 * hour;

/** A receiver's Retry-After may delay the next attempt, but not park a delivery indefinitely. */
export const maxRetryAfterMs = 24 * hour;

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from `now`; null if unusable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * second;
  // HTTP dates always name the day and month; Date.parse alone would also take "-5" as a year.
  const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now.getTime());
}

/**
 * When to try again after `attemptCount` failed attempts, or null when they are used up. A Retry-After that
 * asks for longer than the schedule is honoured, up to maxRetryAfterMs.
 */
export function nextAttemptAt(attemptCount: number, now: Date, retryAfterMs: number | null = null): Date | null {
  const scheduled = retryDelaysMs[attemptCount - 1];
  if (scheduled === undefined) return null;
  const wait = Math.max(scheduled, Math.min(retryAfterMs ?? 0, maxRetryAfterMs));
  return new Date(now.getTime() + wait);
}
