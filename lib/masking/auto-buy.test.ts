import { and, eq } from 'drizzle-orm';
import { randomInt } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { auditLog, events, numbers } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { AppError } from '@/lib/errors/app-error';
import { readAccount } from '@/lib/ledger/accounts';
import { partnerBook } from '@/lib/ledger/books';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { creditPartner } from '@/lib/ledger/money-in';
import { advancePendingPurchases } from '@/lib/numbers/buy-number';
import { slowProvisioningMs } from '@/lib/providers/carrier/inventory-simulator';
import { makePartner, makeStaff, systemFor, uniqueEmail } from '@/test/factories';
import { maskingPool } from './pool';
import { getPoolSettings, setNumberMasking, setPoolSettings } from './pool-settings';
import { createMaskingSession } from './sessions';
import { addPoolNumbers } from './test-pool';

const party = () => `+9196${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

async function setup(options: { wallet?: string } = {}) {
  const partner = await makePartner('autobuy');
  const { ctx } = await makeStaff(partner.id, 'admin');
  await creditPartner(systemCtx, { partnerId: partner.id, amount: '10000000', reference: `UTR${Math.floor(Math.random() * 1e12)}` });
  const client = await seedClient(systemFor(partner.id), { name: 'Cabs Co', email: uniqueEmail('autobuy'), status: 'active' });
  if (options.wallet !== '0') await addClientCredits(ctx, { clientId: client.id, amount: options.wallet ?? '500000' });
  await addPoolNumbers({ partnerId: partner.id, clientId: client.id, environment: 'live', count: 1 });
  const wallet = async () => (await readAccount(getDb(), partnerBook(partner.id).wallet(client.id)))?.balance ?? 0n;
  const eventsOf = async (type: string) => (await getDb().select().from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, type)))).map((e) => e.data as Record<string, unknown>);
  const a = party();
  // Party A's session takes the only pool number; a second session for A needs a second number.
  await createMaskingSession(ctx, { client_id: client.id, first_party: a, second_party: party() });
  return { partner, ctx, client, wallet, eventsOf, a };
}

/**
 * An available number that sorts before the simulator's stock of its circle and type (search pages in number
 * order), so auto-buy meets it first: tests share one database, and the stock's own first numbers are the
 * simulator's magic ones.
 */
async function firstInLine(type: 'mobile' | 'toll_free', ending: string) {
  const digits = `0000${String(randomInt(0, 1_000_000)).padStart(6, '0')}${ending}`;
  await getDb().insert(numbers).values({ environment: 'live', carrier: 'simulator', e164: `+91${digits}`, digits, country: 'IN', region: 'OR', type });
  return `+91${digits}`;
}

describe('masking pool auto-buy', () => {
  it('is off by default: an exhausted pool answers 409 pool_exhausted and buys nothing', async () => {
    const { ctx, client, wallet, a } = await setup();
    expect(await getPoolSettings(ctx, client.id)).toEqual({ autoBuy: false, maxPoolSize: 10, region: null, type: 'local' });
    const before = await wallet();
    expect(codeOf(await createMaskingSession(ctx, { client_id: client.id, first_party: a, second_party: party() }).catch((e) => e))).toBe('pool_exhausted');
    expect(await wallet()).toBe(before);
  });

  it('buys the number the pool needs, charges it like a purchase, puts it in the pool and opens the session', async () => {
    const { partner, ctx, client, wallet, eventsOf, a } = await setup();
    await setPoolSettings(ctx, client.id, { autoBuy: 'on', maxPoolSize: '3', region: 'or', type: 'mobile' });
    const expected = await firstInLine('mobile', '45');
    const before = await wallet();
    const { session } = await createMaskingSession(ctx, { client_id: client.id, first_party: a, second_party: party() });
    const pool = await maskingPool(ctx, client.id);
    expect(pool.size).toBe(2);
    expect(session.virtualNumber).toBe(expected);
    expect(pool.numbers.map((n) => n.e164)).toContain(expected);
    const [bought] = await getDb().select().from(numbers).where(and(eq(numbers.environment, 'live'), eq(numbers.e164, expected)));
    expect(bought).toMatchObject({ region: 'OR', type: 'mobile', masking: true, status: 'assigned', clientId: client.id });
    const [purchased] = await eventsOf('number.purchased');
    expect(purchased).toMatchObject({ number: session.virtualNumber, client_id: client.id });
    expect(before - (await wallet())).toBe(BigInt(Number(purchased!.setup) + Number(purchased!.monthly)));
    const [auto] = await eventsOf('masking_pool.auto_bought');
    expect(auto).toMatchObject({ client_id: client.id, pool_size: 2, numbers_needed: 2, numbers: [{ number: session.virtualNumber, status: 'active' }] });
    const audit = await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.partnerId, partner.id));
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['masking_pool.settings_updated', 'masking_pool.auto_bought', 'masking_pool.number_added', 'number.purchased']));
  });

  it('with a slow provisioning says so, charges when it completes, and the number then joins the pool', async () => {
    const { ctx, client, wallet, eventsOf, a } = await setup();
    await setPoolSettings(ctx, client.id, { autoBuy: true, region: 'OR', type: 'toll_free' });
    const slow = await firstInLine('toll_free', '3333');
    const before = await wallet();
    const pending = await createMaskingSession(ctx, { client_id: client.id, first_party: a, second_party: party() }).catch((e) => e);
    expect(pending).toMatchObject({ code: 'pool_exhausted', extensions: { auto_buy: 'provisioning' } });
    expect(pending.message).toContain(`bought ${slow}`);
    expect(await wallet()).toBe(before);
    expect((await eventsOf('masking_pool.auto_bought'))[0]).toMatchObject({ pool_size: 1, numbers: [{ number: slow, status: 'provisioning' }] });
    const later = new Date(Date.now() + slowProvisioningMs + 1000);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(later);
    try {
      await advancePendingPurchases(later);
    } finally {
      vi.useRealTimers();
    }
    expect(await wallet()).toBeLessThan(before);
    const { session } = await createMaskingSession(ctx, { client_id: client.id, first_party: a, second_party: party() });
    expect(session.virtualNumber).toBe(slow);
  });

  it('stops at the pool’s limit, and when the wallet cannot pay it charges nothing and says why', async () => {
    const limited = await setup();
    await setPoolSettings(limited.ctx, limited.client.id, { autoBuy: true, maxPoolSize: 1 });
    const atLimit = await createMaskingSession(limited.ctx, { client_id: limited.client.id, first_party: limited.a, second_party: party() }).catch((e) => e);
    expect(atLimit).toMatchObject({ code: 'pool_exhausted', extensions: { auto_buy: 'limit_reached', numbers_needed: 2 } });
    expect(atLimit.message).toContain('Auto-buy stops at 1 number');

    const broke = await setup({ wallet: '0' });
    await setPoolSettings(broke.ctx, broke.client.id, { autoBuy: true });
    const unpaid = await createMaskingSession(broke.ctx, { client_id: broke.client.id, first_party: broke.a, second_party: party() }).catch((e) => e);
    expect(unpaid).toMatchObject({ code: 'pool_exhausted', extensions: { auto_buy: 'purchase_failed' } });
    expect(await broke.wallet()).toBe(0n);
    expect((await maskingPool(broke.ctx, broke.client.id)).size).toBe(1);
    expect(await broke.eventsOf('masking_pool.auto_bought')).toEqual([]);
  });

  it('checks its settings beside the field, and 404s another partner’s client', async () => {
    const { ctx, client } = await setup();
    const bad = await setPoolSettings(ctx, client.id, { autoBuy: true, maxPoolSize: '0', region: 'ZZ', type: 'fax' }).catch((e) => e);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['maxPoolSize', 'region', 'type']);
    const other = await setup();
    expect(codeOf(await setPoolSettings(ctx, other.client.id, { autoBuy: true }).catch((e) => e))).toBe('not_found');
    expect(codeOf(await getPoolSettings(ctx, other.client.id).catch((e) => e))).toBe('not_found');
  });

  it('adds and removes a client’s number from the pool by hand, never while a session is open on it', async () => {
    const { ctx, client } = await setup();
    const [pooled] = (await maskingPool(ctx, client.id)).numbers;
    expect(codeOf(await setNumberMasking(ctx, pooled!.id, false).catch((e) => e))).toBe('conflict');
    const other = await setup();
    expect(codeOf(await setNumberMasking(ctx, (await maskingPool(other.ctx, other.client.id)).numbers[0]!.id, false).catch((e) => e))).toBe('not_found');
  });
});
