import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { clients } from '@/db/schema';
import { seedClient } from '@/lib/clients/seed-client';
import { makePartner, systemFor, unique } from '@/test/factories';
import { capFor, countCap, countUpTo, searchCountCap } from './count-up-to';

describe('countUpTo', () => {
  it('counts exactly up to the cap, and says "at least" past it', async () => {
    const ctx = systemFor((await makePartner('count')).id);
    for (let i = 0; i < 3; i++) await seedClient(ctx, { name: `Client ${i}`, email: `c${i}-${unique()}@example.com`, status: 'active' });
    const mine = eq(clients.partnerId, ctx.partnerId);
    expect(await countUpTo(getDb(), clients, mine, 3)).toEqual({ total: 3, atLeast: false });
    expect(await countUpTo(getDb(), clients, mine, 2)).toEqual({ total: 2, atLeast: true });
  });
});

describe('capFor', () => {
  it('reaches past the page shown, so a next page is always known', () => {
    expect(capFor(1, 20)).toBe(countCap);
    expect(capFor(1, 20, { search: 'x' })).toBe(searchCountCap);
    expect(capFor(1000, 20)).toBe(20_001);
  });
});
