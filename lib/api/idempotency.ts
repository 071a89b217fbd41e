import { createHmac } from 'node:crypto';
import { and, eq, lt, lte } from 'drizzle-orm';
import { getDb } from '@/db';
import { idempotencyKeys } from '@/db/schema';
import { derivedKey } from '@/lib/crypto/derived-key';
import { seal, unseal } from '@/lib/crypto/secret-box';
import { AppError } from '@/lib/errors/app-error';
import { logger } from '@/lib/log/logger';

export const idempotencyKeepMs = 24 * 60 * 60 * 1000;

/**
 * How long a claim may stay `running` before a retry may take it over. A request that has not finished in a
 * minute has outlived every proxy timeout in front of us, so its process most likely crashed or lost its
 * connection to the database; without the lease such a key would answer 409 for its whole 24 hours. A
 * request that really runs longer than this may run twice, which is why the lease is well above any normal
 * request time.
 */
export const idempotencyLeaseMs = 60 * 1000;

export type StoredResponse = { status: number; body: unknown };

/** The right to run a request and store its answer; `lockedAt` tells this holder from one that took over. */
export type IdempotencyLock = { partnerId: string; key: string; lockedAt: Date };

export type IdempotencyClaim = { replay: StoredResponse; lock?: never } | { lock: IdempotencyLock; replay?: never };

/**
 * Tells a retry from a different request without keeping the request: bodies may carry Aadhaar numbers and
 * passwords, which a plain hash would expose to guessing. Keyed with a sub-key of ENCRYPTION_KEY, a stored
 * digest reveals nothing to someone who has the database but not the key.
 */
export function requestDigest(method: string, path: string, bodyText: string): string {
  return createHmac('sha256', derivedKey('idempotency-request-digest')).update(`${method}\n${path}\n${bodyText}`).digest('hex');
}

const rowOf = (partnerId: string, key: string) => and(eq(idempotencyKeys.partnerId, partnerId), eq(idempotencyKeys.key, key));

/**
 * Claims an Idempotency-Key for one request, Stripe-style. Returns the stored response when the same request
 * was already answered, a lock when this request should run; a different request with the same key is 422,
 * and the same one still running is 409 (until its lease runs out, when this one takes over). Claims are rows
 * in PostgreSQL, so they hold across instances.
 */
export async function claimIdempotencyKey(input: { partnerId: string; key: string; method: string; path: string; digest: string }, now = new Date()): Promise<IdempotencyClaim> {
  if (input.key.length > 255) throw new AppError('validation_failed', 'Idempotency-Key must be at most 255 characters.', { 'header.Idempotency-Key': 'At most 255 characters.' });
  const db = getDb();
  const lock = { partnerId: input.partnerId, key: input.key, lockedAt: now };
  const [claimed] = await db
    .insert(idempotencyKeys)
    .values({ partnerId: input.partnerId, key: input.key, method: input.method, path: input.path, requestDigest: input.digest, lockedAt: now, expiresAt: new Date(now.getTime() + idempotencyKeepMs) })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed) return { lock };

  const [existing] = await db.select().from(idempotencyKeys).where(rowOf(input.partnerId, input.key)).limit(1);
  if (!existing) return claimIdempotencyKey(input, now); // released in between: try again
  if (existing.expiresAt <= now) {
    // The same bound as the check above (`<=`), or a row expiring this very millisecond would be retried for ever.
    await db.delete(idempotencyKeys).where(and(rowOf(input.partnerId, input.key), lte(idempotencyKeys.expiresAt, now)));
    return claimIdempotencyKey(input, now);
  }
  if (existing.requestDigest !== input.digest) {
    throw new AppError('idempotency_key_reused', 'This Idempotency-Key was already used for a different request; use a new key for a new request.');
  }
  if (existing.state === 'running') {
    if (existing.lockedAt.getTime() <= now.getTime() - idempotencyLeaseMs) {
      // Conditional on the lease still being over, so of several retries arriving together one takes over and
      // the others see its fresh lock. The answer it stores is kept a full day from now.
      const [taken] = await db
        .update(idempotencyKeys)
        .set({ lockedAt: now, expiresAt: new Date(now.getTime() + idempotencyKeepMs) })
        .where(and(rowOf(input.partnerId, input.key), eq(idempotencyKeys.state, 'running'), lte(idempotencyKeys.lockedAt, new Date(now.getTime() - idempotencyLeaseMs))))
        .returning({ key: idempotencyKeys.key });
      if (taken) {
        logger.warn('idempotency key taken over from a request that outlived its lease', { partnerId: input.partnerId, lockedAt: existing.lockedAt.toISOString() });
        return { lock };
      }
      return claimIdempotencyKey(input, now);
    }
    throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is still in progress; retry once it has finished.', undefined, { 'Retry-After': '1' });
  }
  return { replay: { status: existing.responseStatus!, body: openBody(existing.responseBody) } };
}

/**
 * Stored answers are sealed: some carry secrets shown once (a webhook endpoint's signing secret), and secrets
 * are never kept readable at rest. Answers stored before sealing began are returned as they are.
 */
function sealBody(body: unknown): { sealed: string } {
  return { sealed: seal(JSON.stringify(body ?? null)) };
}

function openBody(stored: unknown): unknown {
  const sealed = (stored as { sealed?: unknown } | null)?.sealed;
  return typeof sealed === 'string' ? JSON.parse(unseal(sealed)) : stored;
}

/** Only the holder of the current lock may finish the claim: one taken over since belongs to the newer request. */
const heldBy = (lock: IdempotencyLock) => and(rowOf(lock.partnerId, lock.key), eq(idempotencyKeys.state, 'running'), eq(idempotencyKeys.lockedAt, lock.lockedAt));

/** Stores the answer so retries replay it; returns false when the claim was taken over meanwhile. */
export async function completeIdempotencyKey(lock: IdempotencyLock, response: StoredResponse): Promise<boolean> {
  const done = await getDb()
    .update(idempotencyKeys)
    .set({ state: 'done', responseStatus: response.status, responseBody: sealBody(response.body) })
    .where(heldBy(lock))
    .returning({ key: idempotencyKeys.key });
  if (!done.length) logger.warn('idempotent request finished after its claim was taken over; its answer is not stored', { partnerId: lock.partnerId });
  return done.length > 0;
}

/** Lets the key be used again after a failure on our side, so the client's retry can succeed. */
export async function releaseIdempotencyKey(lock: IdempotencyLock): Promise<void> {
  await getDb().delete(idempotencyKeys).where(heldBy(lock));
}

/** Deletes stored answers past their 24 hours (housekeeping). */
export async function pruneIdempotencyKeys(now = new Date()): Promise<void> {
  await getDb().delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now));
}
