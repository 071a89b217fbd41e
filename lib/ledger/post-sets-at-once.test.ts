import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { commissions, ledgerEntries, ledgerSets } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { makePartner, systemFor, unique, uniqueEmail } from '@/test/factories';
import { readAccount, resolveAccounts, type AccountKey } from './accounts';
import { partnerBook } from './books';
import { chargeClient } from './charge-client';
import { addClientCredits } from './client-credits';
import { atLedgerTime } from './clock';
import { creditPartner } from './money-in';
import type { SetRequest } from './post-set';
import { postSetsAtOnce, TakeTransactionalPath } from './post-set-at-once';
import { verifyLedger } from './verify-ledger';

async function setup(wallet: bigint, prepaid = 10_000_000n) {
  const partner = await makePartner('batch');
  const ctx = systemFor(partner.id);
  const client = await seedClient(ctx, { name: 'Kestrel Couriers', email: uniqueEmail('batch'), status: 'active' });
  await creditPartner(systemCtx, { partnerId: partner.id, amount: String(prepaid), reference: `UTR${unique()}` });
  await addClientCredits(ctx, { clientId: client.id, amount: String(wallet) });
  const book = partnerBook(partner.id);
  const balance = async (key: AccountKey) => (await readAccount(getDb(), key))?.balance ?? 0n;
  return { partner, ctx, client, book, balance };
}

describe('sets sharing one statement', () => {
  it('move each set’s money, give each its own balances after it, and write entries in one unbroken run', async () => {
    const s = await setup(10_000n);
    const wallet = s.book.wallet(s.client.id);
    const request = (amount: bigint, key?: string): SetRequest => ({ partnerId: s.partner.id, kind: 'charge', idempotencyKey: key, legs: [{ debit: wallet, credit: s.book.revenue, amount, kind: 'charge' }] });
    const accountIds = await resolveAccounts(getDb(), [wallet, s.book.revenue]);
    const item = (r: SetRequest) => ({ ctx: s.ctx, request: r, accountIds });
    const post = async (sets: ReturnType<typeof item>[]) => Promise.all((await postSetsAtOnce(getDb(), sets)).map((outcome) => outcome()));
    const [first] = await post([item(request(100n, 'earlier'))]);

    // The third repeats a key already used: it moves nothing and replays; the others move around it.
    const posted = await post([item(request(200n)), item(request(300n, 'second')), item(request(100n, 'earlier')), item(request(400n))]);
    expect(posted.map((p) => p.replayed)).toEqual([false, false, true, false]);
    expect(posted[2]!.setId).toBe(first!.setId);
    const walletId = accountIds.get(`${s.partner.id}|client_wallet|inr|${s.client.id}`)!;
    expect(posted.map((p) => p.accounts.get(walletId)?.balance)).toEqual([9_700n, 9_400n, undefined, 9_000n]);
    expect(posted.map((p) => p.accounts.get(walletId)?.before)).toEqual([9_900n, 9_700n, undefined, 9_400n]);
    expect(await s.balance(wallet)).toBe(9_000n);
    const entries = await getDb().select().from(ledgerEntries).where(eq(ledgerEntries.accountId, walletId));
    expect(entries.sort((a, b) => Number(a.accountVersion - b.accountVersion)).map((e) => [e.accountVersion, e.balanceAfter])).toEqual([
      [1n, 10_000n],
      [2n, 9_900n],
      [3n, 9_700n],
      [4n, 9_400n],
      [5n, 9_000n],
    ]);
    expect((await verifyLedger({ partnerId: s.partner.id })).problems).toEqual([]);
  });

  it('write nothing at all when one set would take an account below its floor', async () => {
    const s = await setup(500n);
    const wallet = s.book.wallet(s.client.id);
    const accountIds = await resolveAccounts(getDb(), [wallet, s.book.revenue]);
    const item = (amount: bigint) => ({ ctx: s.ctx, request: { partnerId: s.partner.id, kind: 'charge' as const, idempotencyKey: `k-${amount}`, legs: [{ debit: wallet, credit: s.book.revenue, amount, kind: 'charge' as const }] }, accountIds });
    await expect(postSetsAtOnce(getDb(), [item(300n), item(301n)])).rejects.toBeInstanceOf(TakeTransactionalPath);
    expect(await s.balance(wallet)).toBe(500n);
    expect(await getDb().select().from(ledgerSets).where(eq(ledgerSets.idempotencyKey, 'k-300'))).toEqual([]);
  });
});

describe('charges queued on one partner', () => {
  it('refuse only the charges the wallet cannot pay, replay repeated keys, and each keep its own ledger time', async () => {
    // Outbound minutes at 90 paise: a wallet of 2,000 pays for 22 of 60 distinct charges, each sent twice.
    const s = await setup(2_000n);
    const december = new Date('2026-12-15T06:30:00Z');
    const charge = (i: number) => {
      const work = () => chargeClient(s.ctx, { clientId: s.client.id, product: 'call_minute_outbound', idempotencyKey: `minute-${i}` });
      // Every third charge is stamped in the past, as an import of history would be, while sharing statements with live ones.
      return i % 3 ? work() : atLedgerTime(december, work);
    };
    const results = await Promise.allSettled([...Array.from({ length: 60 }, (_, i) => charge(i)), ...Array.from({ length: 60 }, (_, i) => charge(i))]);
    const done = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { code?: string }] : []));
    expect(new Set(done.map((r) => r.chargeId)).size).toBe(22);
    expect(done.filter((r) => !r.replayed)).toHaveLength(22);
    expect(new Set(refused.map((e) => e.code))).toEqual(new Set(['client_insufficient_funds']));
    // Each charge's own balance after it: 22 distinct steps of 90 down from 2,000.
    expect(done.filter((r) => !r.replayed).map((r) => r.walletBalance).sort((a, b) => Number(b! - a!))).toEqual(Array.from({ length: 22 }, (_, k) => 2_000n - 90n * BigInt(k + 1)));
    expect(await s.balance(s.book.wallet(s.client.id))).toBe(20n);
    const rows = await getDb().select().from(commissions).where(eq(commissions.partnerId, s.partner.id));
    expect(rows).toHaveLength(22);
    const sets = await getDb().select().from(ledgerSets).where(eq(ledgerSets.partnerId, s.partner.id));
    for (const set of sets.filter((row) => row.idempotencyKey?.startsWith('minute-'))) {
      const i = Number(set.idempotencyKey!.slice('minute-'.length));
      expect([i, set.createdAt.getTime() === december.getTime()]).toEqual([i, i % 3 === 0]);
    }
    for (const row of rows) expect(row.createdAt.getTime() === december.getTime()).toBe(sets.find((set) => set.id === row.setId)!.createdAt.getTime() === december.getTime());
    expect((await verifyLedger({ partnerId: s.partner.id })).problems).toEqual([]);
  });
});
