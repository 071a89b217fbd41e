import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { commissions, recurringCharges } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { AppError } from '@/lib/errors/app-error';
import { nextPeriod, periodFromKey, periodOf } from '@/lib/periods/ist-month';
import { setRetailPrice } from '@/lib/prices/price-book';
import { makePartner, systemFor, uniqueEmail, unique } from '@/test/factories';
import { readAccount } from './accounts';
import { partnerBook } from './books';
import { addClientCredits } from './client-credits';
import { creditPartner } from './money-in';
import { chargeRecurring, recurringChargesOf } from './recurring-charge';
import { verifyLedger } from './verify-ledger';

// Standard tier: a local number's rental lists at ₹300.00, so retail (default: list) 30,000 and wholesale 24,000.
const retail = 30_000n;
const wholesale = 24_000n;

async function setup({ wallet = retail * 3n, prepaid = wholesale * 3n } = {}) {
  const partner = await makePartner('recurring');
  const ctx = systemFor(partner.id);
  const client = await seedClient(ctx, { name: 'Kestrel Couriers', email: uniqueEmail('recurring'), status: 'active' });
  if (prepaid) await creditPartner(systemCtx, { partnerId: partner.id, amount: String(prepaid), reference: `UTR${unique()}` });
  if (wallet) await addClientCredits(ctx, { clientId: client.id, amount: String(wallet) });
  const book = partnerBook(partner.id);
  const balances = async () => [(await readAccount(getDb(), book.wallet(client.id)))?.balance ?? 0n, (await readAccount(getDb(), book.prepaid))?.balance ?? 0n];
  const subjectId = `num_${unique()}`;
  const rental = (period: string, subject = subjectId) => chargeRecurring(ctx, { clientId: client.id, product: 'number_rental_local', subjectId: subject, period });
  return { partner, ctx, client, balances, subjectId, rental };
}

describe('recurring charges', () => {
  it('charges a subject once per IST period, at retail to the wallet and wholesale to the partner', async () => {
    const s = await setup();
    const period = periodOf(new Date('2026-12-01T00:30:00+05:30')).key;
    const first = await s.rental(period);
    expect(first).toMatchObject({ outcome: 'charged', period: '2026-12', retail, wholesale, commission: retail - wholesale, walletBalance: retail * 2n, prepaidBalance: wholesale * 2n });
    const again = await s.rental(period);
    expect(again).toMatchObject({ outcome: 'already_charged', period: '2026-12', retail, wholesale });
    expect(again.outcome === 'already_charged' && first.outcome === 'charged' && again.chargeId === first.chargeId).toBe(true);
    expect(await s.balances()).toEqual([retail * 2n, wholesale * 2n]);
    // The next month, and another subject in the same month, are charges of their own.
    expect((await s.rental(nextPeriod(periodFromKey(period)).key)).outcome).toBe('charged');
    expect((await s.rental(period, `num_${unique()}`)).outcome).toBe('charged');
    expect(await s.balances()).toEqual([0n, 0n]);
    expect((await recurringChargesOf(s.ctx, s.subjectId)).map((row) => row.period)).toEqual(['2027-01', '2026-12']);
    const margins = await getDb().select().from(commissions).where(eq(commissions.partnerId, s.partner.id));
    expect(margins.map((row) => row.commission)).toEqual([retail - wholesale, retail - wholesale, retail - wholesale]);
    expect((await verifyLedger({ partnerId: s.partner.id })).problems).toEqual([]);
  });

  it('lets exactly one of several workers charging the same period at once take the money', async () => {
    // The wallet holds exactly one period: a second debit would answer cannot_pay instead of already_charged.
    const s = await setup({ wallet: retail, prepaid: wholesale * 5n });
    const results = await Promise.all(Array.from({ length: 6 }, () => s.rental('2026-12')));
    expect(results.filter((r) => r.outcome === 'charged')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'already_charged')).toHaveLength(5);
    expect(new Set(results.map((r) => (r.outcome === 'cannot_pay' ? null : r.chargeId))).size).toBe(1);
    expect(await s.balances()).toEqual([0n, wholesale * 4n]);
    expect(await getDb().select().from(recurringCharges).where(eq(recurringCharges.partnerId, s.partner.id))).toHaveLength(1);
    expect((await verifyLedger({ partnerId: s.partner.id })).problems).toEqual([]);
  });

  it('answers cannot_pay with whose balance lacks how much, records nothing, and charges once funded', async () => {
    const s = await setup({ wallet: 10_000n, prepaid: wholesale });
    expect(await s.rental('2026-12')).toMatchObject({ outcome: 'cannot_pay', side: 'client', code: 'client_insufficient_funds', shortfall: retail - 10_000n, unit: 'inr' });
    expect(await s.balances()).toEqual([10_000n, wholesale]);
    expect(await recurringChargesOf(s.ctx, s.subjectId)).toEqual([]);
    await addClientCredits(s.ctx, { clientId: s.client.id, amount: String(retail * 2n) });
    expect((await s.rental('2026-12')).outcome).toBe('charged');
    // The partner's prepaid balance is spent now: the next month is the partner's shortfall.
    expect(await s.rental('2027-01')).toMatchObject({ outcome: 'cannot_pay', side: 'partner', code: 'partner_insufficient_funds', shortfall: wholesale });
    expect((await verifyLedger({ partnerId: s.partner.id })).problems).toEqual([]);
  });

  it('answers a retry after a price change with the period’s first charge', async () => {
    const s = await setup();
    const first = await s.rental('2026-12');
    await setRetailPrice(s.ctx, { product: 'number_rental_local', amount: '35000' });
    expect(await s.rental('2026-12')).toMatchObject({ outcome: 'already_charged', chargeId: first.outcome === 'charged' ? first.chargeId : '', retail });
    expect(await s.balances()).toEqual([retail * 2n, wholesale * 2n]);
  });

  it('refuses a malformed period and another partner’s client', async () => {
    const s = await setup();
    const error = await s.rental('2026-13').catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('validation_failed');
    const other = await makePartner('recurring');
    const foreign = await chargeRecurring(systemFor(other.id), { clientId: s.client.id, product: 'number_rental_local', subjectId: s.subjectId, period: '2026-12' }).catch((e) => e);
    expect(foreign.code).toBe('not_found');
    expect(await s.balances()).toEqual([retail * 3n, wholesale * 3n]);
  });
});
