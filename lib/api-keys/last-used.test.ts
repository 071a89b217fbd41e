import { eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { apiKeys } from '@/db/schema';
import { makePartner, systemFor } from '@/test/factories';
import { flushKeyUse, noteKeyUsed } from './last-used';
import { createApiKey } from './manage-api-keys';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function twoKeys() {
  const partner = await makePartner('used');
  const make = async (name: string) => (await createApiKey(systemFor(partner.id), { name, mode: 'live', scopes: ['clients:read'] })).apiKey.id;
  return [await make('First'), await make('Second')] as const;
}

const lastUsed = async (ids: readonly string[]) =>
  Object.fromEntries((await getDb().select({ id: apiKeys.id, at: apiKeys.lastUsedAt }).from(apiKeys).where(inArray(apiKeys.id, [...ids]))).map((row) => [row.id, row.at]));

describe('last used', () => {
  it('writes many uses of many keys as one statement, with the latest time', async () => {
    await flushKeyUse();
    const [first, second] = await twoKeys();
    const updates = vi.spyOn(getDb(), 'update');
    const start = Date.now();
    for (let i = 0; i < 200; i++) noteKeyUsed(i % 2 ? first : second, new Date(start + i * 100));
    expect(updates).not.toHaveBeenCalled();

    await flushKeyUse();
    expect(updates).toHaveBeenCalledTimes(1);
    const latest = new Date(start + 199 * 100);
    expect(await lastUsed([first, second])).toEqual({ [first]: latest, [second]: latest });

    // Nothing noted since: nothing to write.
    await flushKeyUse();
    expect(updates).toHaveBeenCalledTimes(1);
  });

  it('flushes by itself a minute after the first use', async () => {
    await flushKeyUse();
    const [key] = await twoKeys();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const at = new Date();
    noteKeyUsed(key, at);
    noteKeyUsed(key, at);
    vi.advanceTimersByTime(59_000);
    expect((await lastUsed([key]))[key]).toBeNull();
    vi.advanceTimersByTime(1_000);
    await vi.waitFor(async () => expect((await lastUsed([key]))[key]).toEqual(at));
  });

  it('never moves the time back when an older use is written after a newer one', async () => {
    const [key] = await twoKeys();
    const now = new Date();
    noteKeyUsed(key, now);
    await flushKeyUse();
    noteKeyUsed(key, new Date(now.getTime() - 60_000));
    await flushKeyUse();
    const [row] = await getDb().select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, key));
    expect(row!.at).toEqual(now);
  });
});
