import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { getDb } from '@/db';
import { idempotencyKeys } from '@/db/schema';
import { seal, unseal } from '@/lib/crypto/secret-box';
import { AppError } from '@/lib/errors/app-error';

const keepMs = 24 * 60 * 60 * 1000;

export type StoredResponse = { status: number; body: unknown };

export function requestDigest(method: string, path: string, bodyText: string): string {
  return createHash('sha256').update(`${method}\n${path}\n${bodyText}`).digest('hex');
}

/**
 * Claims an Idempotency-Key for one request, Stripe-style. Returns the stored response when the same request
 * was already answered, null when this request should run; a different request with the same key is 422, and
 * the same one still running is 409. Claims are rows in PostgreSQL, so they hold across instances.
 */
export async function claimIdempotencyKey(input: { partnerId: string; key: string; method: string; path: string; digest: string }): Promise<StoredResponse | null> {
  if (input.key.length > 255) throw new AppError('validation_failed', 'Idempotency-Key must be at most 255 characters.', { 'header.Idempotency-Key': 'At most 255 characters.' });
  const db = getDb();
  const now = new Date();
  const [claimed] = await db
    .insert(idempotencyKeys)
    .values({ partnerId: input.partnerId, key: input.key, method: input.method, path: input.path, requestDigest: input.digest, expiresAt: new Date(now.getTime() + keepMs) })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed) return null;

  const [existing] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.partnerId, input.partnerId), eq(idempotencyKeys.key, input.key)))
    .limit(1);
  if (!existing) return claimIdempotencyKey(input); // released in between: try again
  if (existing.expiresAt <= now) {
    await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.partnerId, input.partnerId), eq(idempotencyKeys.key, input.key), lt(idempotencyKeys.expiresAt, now)));
    return claimIdempotencyKey(input);
  }
  if (existing.requestDigest !== input.digest) {
    throw new AppError('idempotency_key_reused', 'This Idempotency-Key was already used for a different request; use a new key for a new request.');
  }
  if (existing.state === 'running') {
    throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is still in progress; retry once it has finished.', undefined, { 'Retry-After': '1' });
  }
  return { status: existing.responseStatus!, body: openBody(existing.responseBody) };
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

/** Stores the answer so retries replay it. */
export async function completeIdempotencyKey(partnerId: string, key: string, response: StoredResponse): Promise<void> {
  await getDb()
    .update(idempotencyKeys)
    .set({ state: 'done', responseStatus: response.status, responseBody: sealBody(response.body) })
    .where(and(eq(idempotencyKeys.partnerId, partnerId), eq(idempotencyKeys.key, key)));
}

/** Lets the key be used again after a failure on our side, so the client's retry can succeed. */
export async function releaseIdempotencyKey(partnerId: string, key: string): Promise<void> {
  await getDb().delete(idempotencyKeys).where(and(eq(idempotencyKeys.partnerId, partnerId), eq(idempotencyKeys.key, key)));
}

export async function pruneIdempotencyKeys(now = new Date()): Promise<void> {
  await getDb().delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now));
}
