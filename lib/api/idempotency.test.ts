import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { idempotencyKeys } from '@/db/schema';
import { resetConfigForTests } from '@/lib/config';
import { makePartner, unique } from '@/test/factories';
import { claimIdempotencyKey, completeIdempotencyKey, idempotencyKeepMs, idempotencyLeaseMs, releaseIdempotencyKey, requestDigest, type IdempotencyLock } from './idempotency';

async function claimFor(partnerId: string, key: string, body: string, now?: Date) {
  return claimIdempotencyKey({ partnerId, key, method: 'POST', path: '/api/v1/things', digest: requestDigest('POST', '/api/v1/things', body) }, now);
}

/** A claim that must be allowed to run: its lock. */
async function lockFor(partnerId: string, key: string, body: string, now?: Date): Promise<IdempotencyLock> {
  const claimed = await claimFor(partnerId, key, body, now);
  if (!claimed.lock) throw new Error('expected the request to run');
  return claimed.lock;
}

const rowOf = async (partnerId: string, key: string) =>
  (await getDb().select().from(idempotencyKeys).where(and(eq(idempotencyKeys.partnerId, partnerId), eq(idempotencyKeys.key, key))))[0];

describe('idempotency keys', () => {
  it('lets the first request run, answers a concurrent retry 409 and a finished one with the stored response', async () => {
    const { id: partnerId } = await makePartner('idem');
    const key = `key-${unique()}`;
    const lock = await lockFor(partnerId, key, '{"a":1}');

    const inProgress = await claimFor(partnerId, key, '{"a":1}').catch((error: unknown) => error);
    expect(inProgress).toMatchObject({ code: 'idempotency_in_progress', status: 409, headers: { 'Retry-After': '1' } });

    expect(await completeIdempotencyKey(lock, { status: 201, body: { id: 'thing_1' } })).toBe(true);
    expect(await claimFor(partnerId, key, '{"a":1}')).toEqual({ replay: { status: 201, body: { id: 'thing_1' } } });
  });

  it('refuses the same key for a different request, running or finished', async () => {
    const { id: partnerId } = await makePartner('idem');
    const key = `key-${unique()}`;
    const lock = await lockFor(partnerId, key, '{"a":1}');
    await expect(claimFor(partnerId, key, '{"a":2}')).rejects.toMatchObject({ code: 'idempotency_key_reused', status: 422 });
    await completeIdempotencyKey(lock, { status: 200, body: {} });
    await expect(claimFor(partnerId, key, '{"a":2}')).rejects.toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('frees a released key for the retry, and keeps keys apart per partner', async () => {
    const [a, b] = [await makePartner('idem'), await makePartner('idem')];
    const key = `key-${unique()}`;
    const lock = await lockFor(a.id, key, '{}');
    expect((await claimFor(b.id, key, '{"other":true}')).lock).toBeDefined();
    await releaseIdempotencyKey(lock);
    expect((await claimFor(a.id, key, '{"changed":true}')).lock).toBeDefined();
  });

  it('keeps stored answers sealed, since some carry a secret shown once', async () => {
    const { id: partnerId } = await makePartner('idem');
    const key = `key-${unique()}`;
    const lock = await lockFor(partnerId, key, '{}');
    await completeIdempotencyKey(lock, { status: 201, body: { secret: 'whsec_plain-secret-value' } });
    const row = await rowOf(partnerId, key);
    expect(JSON.stringify(row!.responseBody)).not.toContain('whsec_plain-secret-value');
    expect(await claimFor(partnerId, key, '{}')).toEqual({ replay: { status: 201, body: { secret: 'whsec_plain-secret-value' } } });
  });

  it('refuses a key longer than 255 characters', async () => {
    const { id: partnerId } = await makePartner('idem');
    await expect(claimFor(partnerId, 'k'.repeat(256), '{}')).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('lets exactly one of many simultaneous claims run', async () => {
    const { id: partnerId } = await makePartner('idem');
    const key = `key-${unique()}`;
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => claimFor(partnerId, key, '{}')));
    expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value.lock)).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'idempotency_in_progress' });
  });

  it('starts afresh once a stored answer is older than 24 hours', async () => {
    const { id: partnerId } = await makePartner('idem');
    const key = `key-${unique()}`;
    const start = new Date();
    await completeIdempotencyKey(await lockFor(partnerId, key, '{"a":1}', start), { status: 201, body: { id: 'thing_1' } });

    expect((await claimFor(partnerId, key, '{"a":1}', new Date(start.getTime() + idempotencyKeepMs - 1000))).replay).toEqual({ status: 201, body: { id: 'thing_1' } });
    // Past the day the key is free again, even for a different body.
    const later = new Date(start.getTime() + idempotencyKeepMs + 1000);
    expect((await claimFor(partnerId, key, '{"a":2}', later)).lock).toEqual({ partnerId, key, lockedAt: later });
    expect(await rowOf(partnerId, key)).toMatchObject({ state: 'running', expiresAt: new Date(later.getTime() + idempotencyKeepMs) });
  });

  it('starts afresh at the very millisecond a stored answer expires', async () => {
    const { id: partnerId } = await makePartner('idem');
    const key = `key-${unique()}`;
    const start = new Date();
    await completeIdempotencyKey(await lockFor(partnerId, key, '{"a":1}', start), { status: 201, body: { id: 'thing_1' } });
    const expiry = new Date(start.getTime() + idempotencyKeepMs);
    expect((await claimFor(partnerId, key, '{"a":1}', expiry)).lock).toEqual({ partnerId, key, lockedAt: expiry });
  });
});

describe('a request that never finished', () => {
  it('answers 409 while its lease runs, and lets a retry take over once it has run out', async () => {
    const { id: partnerId } = await makePartner('idem');
    const key = `key-${unique()}`;
    const start = new Date();
    await lockFor(partnerId, key, '{"a":1}', start);

    await expect(claimFor(partnerId, key, '{"a":1}', new Date(start.getTime() + idempotencyLeaseMs - 1000))).rejects.toMatchObject({ code: 'idempotency_in_progress' });

    const later = new Date(start.getTime() + idempotencyLeaseMs);
    expect((await claimFor(partnerId, key, '{"a":1}', later)).lock).toEqual({ partnerId, key, lockedAt: later });
    // The newcomer holds a fresh lease: a third request waits for it.
    await expect(claimFor(partnerId, key, '{"a":1}', new Date(later.getTime() + 1000))).rejects.toMatchObject({ code: 'idempotency_in_progress' });
  });

  it('still refuses a different request with the key after the lease', async () => {
    const { id: partnerId } = await makePartner('idem');
    const key = `key-${unique()}`;
    const start = new Date();
    await lockFor(partnerId, key, '{"a":1}', start);
    await expect(claimFor(partnerId, key, '{"a":2}', new Date(start.getTime() + 2 * idempotencyLeaseMs))).rejects.toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('lets only one of several retries take over', async () => {
    const { id: partnerId } = await makePartner('idem');
    const key = `key-${unique()}`;
    const start = new Date();
    await lockFor(partnerId, key, '{}', start);
    const later = new Date(start.getTime() + idempotencyLeaseMs + 1000);
    const outcomes = await Promise.allSettled(Array.from({ length: 4 }, () => claimFor(partnerId, key, '{}', later)));
    expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value.lock)).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'idempotency_in_progress' });
  });

  it('cannot overwrite or release the answer of the request that took over when it finishes late', async () => {
    const { id: partnerId } = await makePartner('idem');
    const key = `key-${unique()}`;
    const start = new Date();
    const first = await lockFor(partnerId, key, '{}', start);
    const second = await lockFor(partnerId, key, '{}', new Date(start.getTime() + idempotencyLeaseMs + 1000));

    // The first finishes while the second still runs: nothing is stored, and the second keeps its claim.
    expect(await completeIdempotencyKey(first, { status: 201, body: { id: 'from_first' } })).toBe(false);
    await releaseIdempotencyKey(first);
    expect(await rowOf(partnerId, key)).toMatchObject({ state: 'running', lockedAt: second.lockedAt });

    expect(await completeIdempotencyKey(second, { status: 201, body: { id: 'from_second' } })).toBe(true);
    // And once the second has finished, the first's late answer still does not replace it.
    expect(await completeIdempotencyKey(first, { status: 500, body: { id: 'from_first' } })).toBe(false);
    expect((await claimFor(partnerId, key, '{}')).replay).toEqual({ status: 201, body: { id: 'from_second' } });
  });
});

describe('the request digest', () => {
  const plain = (method: string, path: string, body: string) => createHash('sha256').update(`${method}\n${path}\n${body}`).digest('hex');
  const aadhaarBody = '{"aadhaar_number":"234123412346"}';

  it('is keyed, so a stored digest cannot be matched against guessed bodies', () => {
    const digest = requestDigest('POST', '/api/v1/registrations/reg_1/aadhaar/otp', aadhaarBody);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digest).not.toBe(plain('POST', '/api/v1/registrations/reg_1/aadhaar/otp', aadhaarBody));
    expect(digest).not.toBe(createHash('sha256').update(aadhaarBody).digest('hex'));
    expect(requestDigest('POST', '/api/v1/registrations/reg_1/aadhaar/otp', aadhaarBody)).toBe(digest);
    expect(requestDigest('POST', '/api/v1/registrations/reg_1/aadhaar/otp', '{"aadhaar_number":"234123412347"}')).not.toBe(digest);
  });

  it('depends on ENCRYPTION_KEY', () => {
    const before = requestDigest('POST', '/api/v1/things', aadhaarBody);
    const saved = process.env.ENCRYPTION_KEY;
    process.env.ENCRYPTION_KEY = randomBytes(32).toString('base64');
    resetConfigForTests();
    try {
      expect(requestDigest('POST', '/api/v1/things', aadhaarBody)).not.toBe(before);
    } finally {
      if (saved === undefined) delete process.env.ENCRYPTION_KEY;
      else process.env.ENCRYPTION_KEY = saved;
      resetConfigForTests();
    }
    expect(requestDigest('POST', '/api/v1/things', aadhaarBody)).toBe(before);
  });
});
