import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { idempotencyKeys } from '@/db/schema';
import { makePartner, unique } from '@/test/factories';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, requestDigest } from './idempotency';

async function claimFor(partnerId: string, key: string, body: string) {
  return claimIdempotencyKey({ partnerId, key, method: 'POST', path: '/api/v1/things', digest: requestDigest('POST', '/api/v1/things', body) });
}

describe('idempotency keys', () => {
  it('lets the first request run, answers a concurrent retry 409 and a finished one with the stored response', async () => {
    const { id: partnerId } = await makePartner('idem');
    const key = `key-${unique()}`;
    expect(await claimFor(partnerId, key, '{"a":1}')).toBeNull();

    const inProgress = await claimFor(partnerId, key, '{"a":1}').catch((error: unknown) => error);
    expect(inProgress).toMatchObject({ code: 'idempotency_in_progress', status: 409, headers: { 'Retry-After': '1' } });

    await completeIdempotencyKey(partnerId, key, { status: 201, body: { id: 'thing_1' } });
    expect(await claimFor(partnerId, key, '{"a":1}')).toEqual({ status: 201, body: { id: 'thing_1' } });
  });

  it('refuses the same key for a different request, running or finished', async () => {
    const { id: partnerId } = await makePartner('idem');
    const key = `key-${unique()}`;
    await claimFor(partnerId, key, '{"a":1}');
    await expect(claimFor(partnerId, key, '{"a":2}')).rejects.toMatchObject({ code: 'idempotency_key_reused', status: 422 });
    await completeIdempotencyKey(partnerId, key, { status: 200, body: {} });
    await expect(claimFor(partnerId, key, '{"a":2}')).rejects.toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('frees a released key for the retry, and keeps keys apart per partner', async () => {
    const [a, b] = [await makePartner('idem'), await makePartner('idem')];
    const key = `key-${unique()}`;
    await claimFor(a.id, key, '{}');
    expect(await claimFor(b.id, key, '{"other":true}')).toBeNull();
    await releaseIdempotencyKey(a.id, key);
    expect(await claimFor(a.id, key, '{"changed":true}')).toBeNull();
  });

  it('keeps stored answers sealed, since some carry a secret shown once', async () => {
    const { id: partnerId } = await makePartner('idem');
    const key = `key-${unique()}`;
    await claimFor(partnerId, key, '{}');
    await completeIdempotencyKey(partnerId, key, { status: 201, body: { secret: 'whsec_plain-secret-value' } });
    const [row] = await getDb().select().from(idempotencyKeys).where(and(eq(idempotencyKeys.partnerId, partnerId), eq(idempotencyKeys.key, key)));
    expect(JSON.stringify(row!.responseBody)).not.toContain('whsec_plain-secret-value');
    expect(await claimFor(partnerId, key, '{}')).toEqual({ status: 201, body: { secret: 'whsec_plain-secret-value' } });
  });

  it('refuses a key longer than 255 characters', async () => {
    const { id: partnerId } = await makePartner('idem');
    await expect(claimFor(partnerId, 'k'.repeat(256), '{}')).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('lets exactly one of many simultaneous claims run', async () => {
    const { id: partnerId } = await makePartner('idem');
    const key = `key-${unique()}`;
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => claimFor(partnerId, key, '{}')));
    expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value === null)).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'idempotency_in_progress' });
  });
});
