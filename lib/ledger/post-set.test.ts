import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { ledgerEntries, ledgerSets, ledgerTransfers } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { AppError } from '@/lib/errors/app-error';
import { priceOf } from '@/lib/prices/price-book';
import { makePartner, systemFor, uniqueEmail } from '@/test/factories';
import { readAccount, type AccountKey } from './accounts';
import { chargeClient } from './charge-client';
import { createHold, resolveHold } from './holds';
import { postSet, type Leg, type SetRequest } from './post-set';
import { verifyLedger } from './verify-ledger';

const onPostgres = Boolean(process.env.DATABASE_URL);

async function book() {
  const partner = await makePartner('ledger');
  const client = await seedClient(systemFor(partner.id), { name: 'Ledger Client', email: uniqueEmail('ledger'), status: 'active' });
  const key = (kind: AccountKey['kind'], unit: AccountKey['unit'] = 'inr', clientId: string | null = null): AccountKey => ({ partnerId: partner.id, kind, unit, clientId });
  return {
    partner,
    client,
    funding: key('operator_funding'),
    prepaid: key('partner_prepaid'),
    revenue: key('operator_revenue'),
    partnerRevenue: key('partner_revenue'),
    partnerFunding: key('partner_funding'),
    wallet: key('client_wallet', 'inr', client.id),
  };
}

const post = (request: SetRequest) => getDb().transaction((tx) => postSet(tx, systemCtx, request));
const leg = (debit: AccountKey, credit: AccountKey, amount: bigint, kind: Leg['kind'] = 'charge'): Leg => ({ debit, credit, amount, kind });
const balanceOf = async (key: AccountKey) => (await readAccount(getDb(), key))?.balance ?? 0n;
const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

describe('ledger sets', () => {
  it('moves money between two accounts, keeping balances, entries and versions in step', async () => {
    const b = await book();
    await post({ partnerId: b.partner.id, kind: 'top_up', legs: [leg(b.funding, b.prepaid, 10_000n, 'top_up')] });
    const posted = await post({ partnerId: b.partner.id, kind: 'charge', legs: [leg(b.prepaid, b.revenue, 2_500n)] });
    expect(await balanceOf(b.prepaid)).toBe(7_500n);
    expect(await balanceOf(b.revenue)).toBe(2_500n);
    expect(await balanceOf(b.funding)).toBe(-10_000n);
    const entries = await getDb().select().from(ledgerEntries).where(eq(ledgerEntries.transferId, posted.transfers[0]!.id));
    expect(entries.map((e) => [e.amount, e.balanceAfter, e.accountVersion]).sort()).toEqual([
      [-2_500n, 7_500n, 2n],
      [2_500n, 2_500n, 1n],
    ].sort());
    expect((await verifyLedger({ partnerId: b.partner.id })).problems).toEqual([]);
  });

  it('refuses a debit below the floor and says whose funds lack how much', async () => {
    const b = await book();
    await post({ partnerId: b.partner.id, kind: 'top_up', legs: [leg(b.partnerFunding, b.wallet, 1_000n, 'top_up')] });
    const error = await post({ partnerId: b.partner.id, kind: 'charge', legs: [leg(b.wallet, b.partnerRevenue, 1_250n)] }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('client_insufficient_funds');
    expect(error.extensions).toEqual({ shortfall: 250, unit: 'inr' });
    expect(error.message).toContain('₹2.50');
    expect(await balanceOf(b.wallet)).toBe(1_000n);
  });

  it('posts a linked set whole or not at all: a failing second leg leaves no trace', async () => {
    const b = await book();
    await post({ partnerId: b.partner.id, kind: 'top_up', legs: [leg(b.partnerFunding, b.wallet, 5_000n, 'top_up')] });
    const before = await getDb().select().from(ledgerTransfers).where(eq(ledgerTransfers.partnerId, b.partner.id));
    // The client can pay retail, but the partner has no prepaid balance for the wholesale leg.
    const error = await post({ partnerId: b.partner.id, kind: 'charge', idempotencyKey: 'charge-1', legs: [leg(b.wallet, b.partnerRevenue, 1_000n), leg(b.prepaid, b.revenue, 800n)] }).catch((e) => e);
    expect(codeOf(error)).toBe('partner_insufficient_funds');
    expect(error.extensions.shortfall).toBe(800);
    expect(await balanceOf(b.wallet)).toBe(5_000n);
    expect(await balanceOf(b.partnerRevenue)).toBe(0n);
    expect(await getDb().select().from(ledgerTransfers).where(eq(ledgerTransfers.partnerId, b.partner.id))).toHaveLength(before.length);
    expect(await getDb().select().from(ledgerSets).where(eq(ledgerSets.idempotencyKey, 'charge-1'))).toEqual(expect.not.arrayContaining([expect.objectContaining({ partnerId: b.partner.id })]));
    // Once the partner has funds, the same key goes through: a refusal is not an outcome to replay.
    await post({ partnerId: b.partner.id, kind: 'top_up', legs: [leg(b.funding, b.prepaid, 800n, 'top_up')] });
    const retried = await post({ partnerId: b.partner.id, kind: 'charge', idempotencyKey: 'charge-1', legs: [leg(b.wallet, b.partnerRevenue, 1_000n), leg(b.prepaid, b.revenue, 800n)] });
    expect(retried.replayed).toBe(false);
    expect(await balanceOf(b.prepaid)).toBe(0n);
  });

  it('replays a repeated key with the same request and refuses it with another', async () => {
    const b = await book();
    const request: SetRequest = { partnerId: b.partner.id, kind: 'top_up', idempotencyKey: 'utr-123', legs: [leg(b.funding, b.prepaid, 50_000n, 'top_up')] };
    const first = await post(request);
    const again = await post(request);
    expect(again.replayed).toBe(true);
    expect(again.setId).toBe(first.setId);
    expect(again.transfers.map((t) => t.id)).toEqual(first.transfers.map((t) => t.id));
    expect(await balanceOf(b.prepaid)).toBe(50_000n);
    const error = await post({ ...request, legs: [leg(b.funding, b.prepaid, 60_000n, 'top_up')] }).catch((e) => e);
    expect(codeOf(error)).toBe('ledger_key_conflict');
    expect(error.status).toBe(409);
    expect(await balanceOf(b.prepaid)).toBe(50_000n);
    // Keys are per partner: another partner may use the same one.
    const other = await book();
    expect((await post({ ...request, partnerId: other.partner.id, legs: [leg(other.funding, other.prepaid, 1n, 'top_up')] })).replayed).toBe(false);
  });

  it('keeps a sandbox book apart: a set may not touch another partner’s accounts', async () => {
    const b = await book();
    const other = await book();
    await expect(post({ partnerId: b.partner.id, kind: 'top_up', legs: [leg(b.funding, other.prepaid, 1n, 'top_up')] })).rejects.toThrow(/its own partner book/);
  });

  it('refuses amounts that are not positive whole numbers, and transfers that change units', async () => {
    const b = await book();
    await expect(post({ partnerId: b.partner.id, kind: 'top_up', legs: [leg(b.funding, b.prepaid, 0n, 'top_up')] })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(post({ partnerId: b.partner.id, kind: 'top_up', legs: [leg(b.funding, b.prepaid, -5n, 'top_up')] })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(post({ partnerId: b.partner.id, kind: 'top_up', legs: [leg({ ...b.funding, unit: 'days' }, b.prepaid, 5n, 'top_up')] })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('refuses to edit a posted transfer: the ledger is append-only', async () => {
    const b = await book();
    const posted = await post({ partnerId: b.partner.id, kind: 'top_up', legs: [leg(b.funding, b.prepaid, 100n, 'top_up')] });
    await expect(getDb().update(ledgerTransfers).set({ amount: 1_000n }).where(eq(ledgerTransfers.id, posted.transfers[0]!.id))).rejects.toThrow();
    await expect(getDb().update(ledgerEntries).set({ amount: 1_000n }).where(eq(ledgerEntries.transferId, posted.transfers[0]!.id))).rejects.toThrow();
  });
});

describe('holds', () => {
  it('reserves money, then posts part of it and releases the rest', async () => {
    const b = await book();
    await post({ partnerId: b.partner.id, kind: 'top_up', legs: [leg(b.funding, b.prepaid, 10_000n, 'top_up')] });
    const hold = await getDb().transaction((tx) => createHold(tx, systemCtx, { partnerId: b.partner.id, kind: 'charge', legs: [leg(b.prepaid, b.revenue, 6_000n)], expiresAt: new Date(Date.now() + 60_000) }));
    const account = await readAccount(getDb(), b.prepaid);
    expect([account!.balance, account!.held]).toEqual([10_000n, 6_000n]);
    // What is held counts as spent: 4,001 more cannot be taken.
    await expect(post({ partnerId: b.partner.id, kind: 'charge', legs: [leg(b.prepaid, b.revenue, 4_001n)] })).rejects.toMatchObject({ code: 'partner_insufficient_funds' });
    const id = hold.transfers[0]!.id;
    await getDb().transaction((tx) => resolveHold(tx, systemCtx, { partnerId: b.partner.id, setId: hold.setId, action: 'post', amounts: { [id]: 4_500n } }));
    const after = await readAccount(getDb(), b.prepaid);
    expect([after!.balance, after!.held]).toEqual([5_500n, 0n]);
    expect(await balanceOf(b.revenue)).toBe(4_500n);
    await expect(getDb().transaction((tx) => resolveHold(tx, systemCtx, { partnerId: b.partner.id, setId: hold.setId, action: 'void' }))).rejects.toMatchObject({ code: 'hold_closed' });
    expect((await verifyLedger({ partnerId: b.partner.id })).problems).toEqual([]);
  });

  it('voids a hold, and a timed-out hold can no longer be posted', async () => {
    const b = await book();
    await post({ partnerId: b.partner.id, kind: 'top_up', legs: [leg(b.funding, b.prepaid, 1_000n, 'top_up')] });
    const hold = await getDb().transaction((tx) => createHold(tx, systemCtx, { partnerId: b.partner.id, kind: 'charge', legs: [leg(b.prepaid, b.revenue, 1_000n)], expiresAt: new Date(Date.now() + 1_000) }));
    const later = new Date(Date.now() + 5_000);
    await expect(getDb().transaction((tx) => resolveHold(tx, systemCtx, { partnerId: b.partner.id, setId: hold.setId, action: 'post', now: later }))).rejects.toMatchObject({ code: 'hold_closed' });
    await getDb().transaction((tx) => resolveHold(tx, systemCtx, { partnerId: b.partner.id, setId: hold.setId, action: 'void', now: later }));
    const account = await readAccount(getDb(), b.prepaid);
    expect([account!.balance, account!.held]).toEqual([1_000n, 0n]);
    expect((await verifyLedger({ partnerId: b.partner.id })).problems).toEqual([]);
  });

  it('lets exactly one of two racing resolutions through', async () => {
    const b = await book();
    await post({ partnerId: b.partner.id, kind: 'top_up', legs: [leg(b.funding, b.prepaid, 1_000n, 'top_up')] });
    const hold = await getDb().transaction((tx) => createHold(tx, systemCtx, { partnerId: b.partner.id, kind: 'charge', legs: [leg(b.prepaid, b.revenue, 700n)], expiresAt: new Date(Date.now() + 60_000) }));
    const results = await Promise.allSettled(
      (['post', 'void', 'post'] as const).map((action) => getDb().transaction((tx) => resolveHold(tx, systemCtx, { partnerId: b.partner.id, setId: hold.setId, action }))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => codeOf((r as PromiseRejectedResult).reason))).toEqual(['hold_closed', 'hold_closed']);
    expect((await verifyLedger({ partnerId: b.partner.id })).problems).toEqual([]);
  });
});

describe('concurrency', () => {
  it('lets exactly ⌊b/x⌋ of N parallel debits of x on a balance b succeed', async () => {
    const b = await book();
    const balance = 10_000n;
    const x = 700n;
    await post({ partnerId: b.partner.id, kind: 'top_up', legs: [leg(b.partnerFunding, b.wallet, balance, 'top_up')] });
    const n = 40;
    const results = await Promise.allSettled(Array.from({ length: n }, () => post({ partnerId: b.partner.id, kind: 'charge', legs: [leg(b.wallet, b.partnerRevenue, x)] })));
    const succeeded = results.filter((r) => r.status === 'fulfilled').length;
    expect(succeeded).toBe(Number(balance / x));
    for (const r of results) if (r.status === 'rejected') expect(codeOf(r.reason)).toBe('client_insufficient_funds');
    expect(await balanceOf(b.wallet)).toBe(balance % x);
    expect((await verifyLedger({ partnerId: b.partner.id })).problems).toEqual([]);
  });

  // PGlite is one connection: its transactions queue rather than overlap, so a smaller run proves the
  // bookkeeping there; the real race is PostgreSQL's, with ten connections contending for the same rows.
  const total = onPostgres ? 10_000 : 1_000;
  it(`ends ${total} concurrent mixed operations with retries and repeated keys exact, and the ledger verifies`, { timeout: 240_000 }, async () => {
    const b = await book();
    const clientB = await seedClient(systemFor(b.partner.id), { name: 'Second', email: uniqueEmail('ledger'), status: 'active' });
    const walletB: AccountKey = { ...b.wallet, clientId: clientB.id };
    const accounts = [b.funding, b.prepaid, b.revenue, b.partnerRevenue, b.partnerFunding, b.wallet, walletB];
    await post({ partnerId: b.partner.id, kind: 'top_up', legs: [leg(b.funding, b.prepaid, 200_000n, 'top_up')] });
    // A deterministic mix: charges through chargeClient (one statement, shared with charges queued beside them),
    // hand-made two-leg charges (both floored), top-ups, allocations between wallets, refunds.
    const price = await priceOf(getDb(), b.partner.id, 'call_minute_outbound');
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    type Op = { key: string; legs: Leg[]; charge?: string };
    const distinct: Op[] = Array.from({ length: Math.round(total * 0.7) }, (_, i) => {
      const amount = BigInt(1 + Math.floor(random() * 900));
      const [wallet, clientId] = random() < 0.5 ? [b.wallet, b.client.id] : [walletB, clientB.id];
      const pick = random();
      if (pick < 0.2) return { key: `op-${i}`, charge: clientId, legs: [leg(wallet, b.partnerRevenue, price.retail), leg(b.prepaid, b.revenue, price.wholesale)] };
      const legs =
        pick < 0.45
          ? [leg(wallet, b.partnerRevenue, amount), leg(b.prepaid, b.revenue, (amount * 8n) / 10n || 1n)]
          : pick < 0.75
            ? [leg(b.partnerFunding, wallet, amount * 2n, 'top_up')]
            : pick < 0.9
              ? [leg(wallet, wallet === b.wallet ? walletB : b.wallet, amount, 'allocation')]
              : [leg(b.partnerRevenue, wallet, amount, 'refund')];
      return { key: `op-${i}`, legs };
    });
    // The other 30 % repeat earlier keys with the same request, as clients retrying after a timeout do.
    const ops = [...distinct, ...Array.from({ length: total - distinct.length }, () => distinct[Math.floor(random() * distinct.length)]!)].sort(() => random() - 0.5);

    const outcome = new Map<string, number>();
    let replays = 0;
    const ctx = systemFor(b.partner.id);
    const run = async (op: Op) => {
      for (let attempt = 0; ; attempt++) {
        try {
          const result = op.charge
            ? await chargeClient(ctx, { clientId: op.charge, product: 'call_minute_outbound', idempotencyKey: op.key })
            : await post({ partnerId: b.partner.id, kind: op.legs[0]!.kind, idempotencyKey: op.key, legs: op.legs });
          if (result.replayed) replays++;
          else outcome.set(op.key, (outcome.get(op.key) ?? 0) + 1);
          return;
        } catch (error) {
          const code = codeOf(error);
          if (code === 'client_insufficient_funds' || code === 'partner_insufficient_funds') return;
          // A serialisation hiccup or a dropped connection is retried with the same key, as a client would.
          if (attempt < 3) continue;
          throw error;
        }
      }
    };
    // A bounded pool of in-flight operations: the database's connections are the real limit anyway.
    const queue = [...ops];
    await Promise.all(Array.from({ length: 32 }, async () => { for (let op = queue.shift(); op; op = queue.shift()) await run(op); }));

    // No key ever took effect twice.
    expect(Math.max(...outcome.values())).toBe(1);
    // Each balance is exactly what the operations that took effect add up to.
    const expected = new Map(accounts.map((a) => [JSON.stringify(a), 0n]));
    expected.set(JSON.stringify(b.funding), -200_000n);
    expected.set(JSON.stringify(b.prepaid), 200_000n);
    for (const op of distinct) {
      if (!outcome.has(op.key)) continue;
      for (const l of op.legs) {
        expected.set(JSON.stringify(l.debit), expected.get(JSON.stringify(l.debit))! - l.amount);
        expected.set(JSON.stringify(l.credit), expected.get(JSON.stringify(l.credit))! + l.amount);
      }
    }
    for (const account of accounts) expect([account.kind, await balanceOf(account)]).toEqual([account.kind, expected.get(JSON.stringify(account))]);
    for (const floored of [b.prepaid, b.wallet, walletB]) expect(await balanceOf(floored)).toBeGreaterThanOrEqual(0n);
    expect(replays).toBeGreaterThan(0);
    expect((await verifyLedger({ partnerId: b.partner.id })).problems).toEqual([]);
  });
});
