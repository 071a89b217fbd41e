import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { events, messages } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { AppError } from '@/lib/errors/app-error';
import { setRetailPrice, setTierDiscount, setWholesaleOverride, priceOf, setListPrice } from '@/lib/prices/price-book';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { makePartner, makeStaff, systemFor, uniqueEmail } from '@/test/factories';
import { readAccount } from './accounts';
import { partnerBook } from './books';
import { chargeClient } from './charge-client';
import { addClientCredits, expireClients, validityOf, warnExpiringClients } from './client-credits';
import { commissionReport } from './commission-report';
import { setLowBalanceThreshold } from './low-balance';
import { adjustPartnerBalance, creditPartner } from './money-in';
import { refundCharge } from './refund-charge';
import { clientStatement, clientWallet, partnerBalances, runsOutOn } from './statements';
import { allocateUnits, buyUnits } from './units';
import { verifyLedger } from './verify-ledger';

async function setup(tier: 'standard' | 'premium' | 'enterprise' = 'standard') {
  const partner = await makePartner('money', { tier });
  const ctx = systemFor(partner.id);
  const client = await seedClient(ctx, { name: 'Bluebird Logistics', email: uniqueEmail('money'), status: 'active' });
  const book = partnerBook(partner.id);
  const balance = async (key: Parameters<typeof readAccount>[1]) => (await readAccount(getDb(), key))?.balance ?? 0n;
  const eventsOf = async (type: string) => (await getDb().select().from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, type)))).map((e) => e.data as Record<string, unknown>);
  return { partner, ctx, client, book, balance, eventsOf };
}

/** The operator console and CLI act as the operator or the system; both may run the price book. */
const operatorCtx = systemCtx;
const utr = () => `UTR${Math.floor(Math.random() * 1e12)}`;
const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

describe('price book', () => {
  it('gives each tier its discount off list, lets the operator override per partner, and defaults retail to list', async () => {
    const { partner } = await setup('premium');
    const price = await priceOf(getDb(), partner.id, 'call_minute_outbound');
    // Premium: 30 % off the list price of 90 paise → 63 paise.
    expect([price.list, price.wholesale, price.retail, price.margin]).toEqual([90n, 63n, 90n, 27n]);
    await setWholesaleOverride(operatorCtx, { partnerId: partner.id, product: 'call_minute_outbound', amount: '50' });
    expect((await priceOf(getDb(), partner.id, 'call_minute_outbound')).wholesale).toBe(50n);
    await setWholesaleOverride(operatorCtx, { partnerId: partner.id, product: 'call_minute_outbound', amount: '' });
    expect((await priceOf(getDb(), partner.id, 'call_minute_outbound')).wholesale).toBe(63n);
  });

  it('refuses a retail price below wholesale unless confirmed', async () => {
    const { ctx, partner } = await setup();
    const error = await setRetailPrice(ctx, { product: 'agent_seat_month', amount: '30000' }).catch((e) => e);
    expect(codeOf(error)).toBe('retail_below_wholesale');
    expect(error.fieldErrors.confirmBelowWholesale).toContain('₹399.20');
    expect((await setRetailPrice(ctx, { product: 'agent_seat_month', amount: '30000', confirmBelowWholesale: true })).retail).toBe(30_000n);
    expect((await priceOf(getDb(), partner.id, 'agent_seat_month')).margin).toBe(30_000n - 39_920n);
  });

  it('keeps test mode from changing the live retail prices it shares', async () => {
    const { partner } = await setup();
    const sandboxCtx = systemFor(await ensureSandbox(partner.id));
    expect(codeOf(await setRetailPrice(sandboxCtx, { product: 'agent_seat_month', amount: '60000' }).catch((e) => e))).toBe('forbidden');
    expect((await priceOf(getDb(), partner.id, 'agent_seat_month')).retail).not.toBe(60_000n);
  });

  it('refuses dates PostgreSQL cannot store, as a validation error rather than a failure', async () => {
    const { ctx, client } = await setup();
    for (const validTill of ['9999-12-31T23:59:59-14:00', '+010000-01-01T00:00:00Z']) {
      expect(codeOf(await addClientCredits(ctx, { clientId: client.id, validTill }).catch((e) => e)), validTill).toBe('validation_failed');
    }
    expect(codeOf(await commissionReport(ctx, { startDate: '9999-12-01', endDate: '9999-12-31' }).catch((e) => e))).toBe('validation_failed');
    expect(codeOf(await commissionReport(ctx, { startDate: '0000-01-01', endDate: '0000-01-31' }).catch((e) => e))).toBe('validation_failed');
  });

  it('forecasts no run-out date for a balance that would last past a century', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(runsOutOn(100_000_000n, 1n, now)).toBeNull();
    expect(runsOutOn(3_000n, 100n, now)?.toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(runsOutOn(-500n, 100n, now)?.toISOString()).toBe(now.toISOString());
    expect(runsOutOn(3_000n, 0n, now)).toBeNull();
  });

  it('lets the operator edit tier discounts and list prices', async () => {
    await setTierDiscount(operatorCtx, { tier: 'enterprise', percent: 45 });
    const { partner } = await setup('enterprise');
    await setListPrice(operatorCtx, { product: 'voice_bot_month', amount: '200000' });
    expect((await priceOf(getDb(), partner.id, 'voice_bot_month')).wholesale).toBe(110_000n);
    await setTierDiscount(operatorCtx, { tier: 'enterprise', percent: 40 });
    await setListPrice(operatorCtx, { product: 'voice_bot_month', amount: '199900' });
    await expect(setTierDiscount(operatorCtx, { tier: 'enterprise', percent: 140 })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('charges', () => {
  it('takes retail from the wallet and wholesale from prepaid in one set, recording the commission', async () => {
    const { ctx, client, book, balance, eventsOf, partner } = await setup();
    await creditPartner(operatorCtx, { partnerId: partner.id, amount: '100000', reference: utr() });
    await addClientCredits(ctx, { clientId: client.id, amount: '50000' });
    // Standard: an agent seat lists at ₹499, wholesale ₹399.20.
    const charge = await chargeClient(ctx, { clientId: client.id, product: 'agent_seat_month', objectId: 'agt_1' });
    expect([charge.retail, charge.wholesale, charge.commission]).toEqual([49_900n, 39_920n, 9_980n]);
    expect(await balance(book.wallet(client.id))).toBe(100n);
    expect(await balance(book.prepaid)).toBe(60_080n);
    expect(await eventsOf('commission.earned')).toEqual([expect.objectContaining({ charge_id: charge.chargeId, retail: 49_900, wholesale: 39_920, commission: 9_980 })]);
    expect((await verifyLedger({ partnerId: partner.id })).problems).toEqual([]);
  });

  it('says whether the client or the partner lacks funds, and by how much; nothing moves', async () => {
    const { ctx, client, book, balance, partner } = await setup();
    await addClientCredits(ctx, { clientId: client.id, amount: '50000' });
    const noPartnerFunds = await chargeClient(ctx, { clientId: client.id, product: 'number_rental_local' }).catch((e) => e);
    expect(codeOf(noPartnerFunds)).toBe('partner_insufficient_funds');
    expect(noPartnerFunds.extensions).toEqual({ shortfall: 24_000, unit: 'inr' });
    await creditPartner(operatorCtx, { partnerId: partner.id, amount: '100000', reference: utr() });
    const noClientFunds = await chargeClient(ctx, { clientId: client.id, product: 'number_rental_local', quantity: 2 }).catch((e) => e);
    expect(codeOf(noClientFunds)).toBe('client_insufficient_funds');
    expect(noClientFunds.extensions).toEqual({ shortfall: 10_000, unit: 'inr' });
    expect([await balance(book.wallet(client.id)), await balance(book.prepaid)]).toEqual([50_000n, 100_000n]);
  });

  it('refunds a charge exactly, commission included, and only once', async () => {
    const { ctx, client, book, balance, partner, eventsOf } = await setup();
    await creditPartner(operatorCtx, { partnerId: partner.id, amount: '300000', reference: utr() });
    await addClientCredits(ctx, { clientId: client.id, amount: '300000' });
    const before = [await balance(book.wallet(client.id)), await balance(book.prepaid)];
    const charge = await chargeClient(ctx, { clientId: client.id, product: 'whatsapp_number_month', quantity: 2 });
    const refunds = await Promise.allSettled([refundCharge(ctx, { chargeId: charge.chargeId, reason: 'Number never went live' }), refundCharge(ctx, { chargeId: charge.chargeId, reason: 'Again' })]);
    expect(refunds.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(codeOf((refunds.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason)).toBe('already_refunded');
    expect([await balance(book.wallet(client.id)), await balance(book.prepaid)]).toEqual(before);
    expect(await eventsOf('charge.refunded')).toEqual([expect.objectContaining({ charge_id: charge.chargeId, retail: 199_800, commission: 39_960 })]);
    const today = new Date().toISOString().slice(0, 10);
    const report = await commissionReport(ctx, { startDate: today, endDate: today });
    expect(report.totals).toMatchObject({ charges: 0, commission: 0n });
  });

  it('announces a low balance once per crossing, by event and by e-mail to the client', async () => {
    const { ctx, client, partner, eventsOf } = await setup();
    const mails = async () => getDb().select().from(messages).where(and(eq(messages.partnerId, partner.id), eq(messages.template, 'low-balance')));
    await creditPartner(operatorCtx, { partnerId: partner.id, amount: '1000000', reference: utr() });
    await addClientCredits(ctx, { clientId: client.id, amount: '1000' });
    await setLowBalanceThreshold(ctx, { clientId: client.id, threshold: '500' });
    for (let i = 0; i < 6; i++) await chargeClient(ctx, { clientId: client.id, product: 'call_minute_outbound' });
    expect(await eventsOf('wallet.low_balance')).toHaveLength(1);
    // The client's alert is the client's message (its usage once sent).
    expect((await mails()).map((m) => [m.recipient, m.subject, m.clientId])).toEqual([[client.email, expect.stringMatching(/wallet is running low$/), client.id]]);
    await addClientCredits(ctx, { clientId: client.id, amount: '1000' });
    for (let i = 0; i < 12; i++) await chargeClient(ctx, { clientId: client.id, product: 'call_minute_outbound' });
    expect(await eventsOf('wallet.low_balance')).toHaveLength(2);
    expect(await mails()).toHaveLength(2);
  });

  it('tells the partner’s owners and admins when its prepaid balance crosses its alert', async () => {
    const { ctx, client, partner, eventsOf } = await setup();
    const owner = await makeStaff(partner.id, 'owner');
    await makeStaff(partner.id, 'member');
    await creditPartner(operatorCtx, { partnerId: partner.id, amount: '1000', reference: utr() });
    await addClientCredits(ctx, { clientId: client.id, amount: '100000' });
    await setLowBalanceThreshold(ctx, { threshold: '900' });
    for (let i = 0; i < 3; i++) await chargeClient(ctx, { clientId: client.id, product: 'call_minute_outbound' }).catch(() => undefined);
    expect(await eventsOf('partner.balance_low')).toHaveLength(1);
    const sent = await getDb().select().from(messages).where(and(eq(messages.partnerId, partner.id), eq(messages.template, 'low-balance')));
    // The partner's own alert names no client.
    expect(sent.map((m) => [m.recipient, m.clientId])).toEqual([[owner.email, null]]);
  });
});

describe('money in', () => {
  it('credits a partner once per payment reference, and refuses adjustments below zero', async () => {
    const { partner, book, balance, eventsOf } = await setup();
    const reference = utr();
    await creditPartner(operatorCtx, { partnerId: partner.id, amount: '250000', reference });
    expect((await creditPartner(operatorCtx, { partnerId: partner.id, amount: '250000', reference })).replayed).toBe(true);
    await expect(creditPartner(operatorCtx, { partnerId: partner.id, amount: '300000', reference })).rejects.toMatchObject({ code: 'conflict' });
    expect(await balance(book.prepaid)).toBe(250_000n);
    expect(await eventsOf('wallet.credited')).toHaveLength(1);
    await adjustPartnerBalance(operatorCtx, { partnerId: partner.id, amount: '-50000', reason: 'Duplicate credit last month' });
    const error = await adjustPartnerBalance(operatorCtx, { partnerId: partner.id, amount: '-300000', reason: 'Too much' }).catch((e) => e);
    expect(error.fieldErrors.amount).toContain('lacks ₹1,000.00');
    expect(await balance(book.prepaid)).toBe(200_000n);
  });

  it('warns a client three days before its validity ends, once per end, and again after an extension nears its end', async () => {
    const { ctx, client, partner, eventsOf } = await setup();
    const now = new Date();
    const end = new Date(now.getTime() + 5 * 86_400_000);
    await addClientCredits(ctx, { clientId: client.id, validTill: end.toISOString() });
    await warnExpiringClients(now);
    expect(await eventsOf('client.validity_expiring')).toHaveLength(0);
    const soon = new Date(end.getTime() - 2.5 * 86_400_000);
    await warnExpiringClients(soon);
    await warnExpiringClients(soon);
    expect((await eventsOf('client.validity_expiring')).map((e) => e.days_left)).toEqual([2]);
    const mails = () => getDb().select().from(messages).where(and(eq(messages.partnerId, partner.id), eq(messages.template, 'validity-expiring')));
    const [mail] = await mails();
    expect(mail).toMatchObject({ recipient: client.email, clientId: client.id, subject: expect.stringContaining('ends in 2 days') });
    const later = new Date(end.getTime() + 10 * 86_400_000);
    await addClientCredits(ctx, { clientId: client.id, validTill: later.toISOString() });
    await warnExpiringClients(new Date(later.getTime() - 86_400_000));
    expect(await eventsOf('client.validity_expiring')).toHaveLength(2);
    expect(await mails()).toHaveLength(2);
  });

  it('adds credits and validity atomically, and resumes an expired client', async () => {
    const { ctx, client, book, balance, eventsOf, partner } = await setup();
    const past = new Date(Date.now() + 60_000);
    await addClientCredits(ctx, { clientId: client.id, amount: '5000', validTill: past.toISOString() });
    // A validity in the past is refused, and the credits with it.
    await expect(addClientCredits(ctx, { clientId: client.id, amount: '5000', validTill: '2020-01-01T00:00:00Z' })).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await balance(book.wallet(client.id))).toBe(5_000n);
    // The worker suspends it once its validity passes, once.
    const later = new Date(past.getTime() + 1_000);
    expect(await expireClients(later)).toBeGreaterThanOrEqual(1);
    await expireClients(later);
    expect(await eventsOf('client.expired')).toHaveLength(1);
    expect((await validityOf(partner.id, client.id)).expired).toBe(true);
    const mail = await getDb().select().from(messages).where(and(eq(messages.partnerId, partner.id), eq(messages.template, 'validity-expired')));
    expect(mail.map((m) => m.clientId)).toEqual([client.id]);
    const extended = await addClientCredits(ctx, { clientId: client.id, validTill: new Date(Date.now() + 30 * 86_400_000).toISOString() });
    expect(extended.resumed).toBe(true);
    expect((await validityOf(partner.id, client.id)).expired).toBe(false);
    expect((await eventsOf('client.validity_extended')).map((e) => e.resumed).sort()).toEqual([false, true]);
  });

  it('buys days at wholesale, allocates and reclaims them', async () => {
    const { ctx, client, book, balance, partner } = await setup();
    await creditPartner(operatorCtx, { partnerId: partner.id, amount: '100000', reference: utr() });
    // A channel day lists at ₹30, wholesale ₹24 for a standard partner.
    const bought = await buyUnits(ctx, { unit: 'days', quantity: 30 });
    expect([bought.cost, bought.pool]).toEqual([72_000n, 30n]);
    expect(await balance(book.prepaid)).toBe(28_000n);
    await allocateUnits(ctx, { clientId: client.id, unit: 'days', quantity: 10 });
    await allocateUnits(ctx, { clientId: client.id, unit: 'days', quantity: 4, direction: 'reclaim' });
    expect([await balance(book.pool('days')), await balance(book.clientPool(client.id, 'days'))]).toEqual([24n, 6n]);
    await expect(allocateUnits(ctx, { clientId: client.id, unit: 'days', quantity: 25 })).rejects.toMatchObject({ code: 'partner_insufficient_funds' });
    await expect(buyUnits(ctx, { unit: 'points', quantity: 1_000 })).rejects.toMatchObject({ code: 'partner_insufficient_funds' });
    expect((await verifyLedger({ partnerId: partner.id })).problems).toEqual([]);
  });
});

describe('statements, forecast and commissions', () => {
  it('filters a client’s statement and forecasts when the wallet runs out', async () => {
    const { ctx, client, partner } = await setup();
    await creditPartner(operatorCtx, { partnerId: partner.id, amount: '1000000', reference: utr() });
    await addClientCredits(ctx, { clientId: client.id, amount: '300000' });
    await chargeClient(ctx, { clientId: client.id, product: 'number_rental_local', objectId: '+911143104501' });
    await chargeClient(ctx, { clientId: client.id, product: 'call_minute_outbound', quantity: 100, objectId: '+911143104502' });
    const all = await clientStatement(ctx, client.id, { limit: 10 });
    expect(all.data.map((line) => [line.kind, line.amount])).toEqual([
      ['charge', -9_000n],
      ['charge', -30_000n],
      ['top_up', 300_000n],
    ]);
    expect(all.data[0]!.balanceAfter).toBe(261_000n);
    expect((await clientStatement(ctx, client.id, { limit: 10, kind: 'top_up' })).data).toHaveLength(1);
    expect((await clientStatement(ctx, client.id, { limit: 10, objectId: '+911143104501' })).data.map((l) => l.amount)).toEqual([-30_000n]);
    const page = await clientStatement(ctx, client.id, { limit: 2 });
    expect(page.has_more).toBe(true);
    expect((await clientStatement(ctx, client.id, { limit: 2, starting_after: page.data[1]!.id })).data).toHaveLength(1);
    const wallet = await clientWallet(ctx, client.id);
    // 39,000 paise over 30 days is 1,300 a day: 261,000 lasts 200 days.
    expect(wallet.wallet.forecast.dailySpend).toBe(1_300n);
    expect(Math.round((wallet.wallet.forecast.runsOutOn!.getTime() - Date.now()) / 86_400_000)).toBe(200);
    expect((await partnerBalances(ctx)).prepaid.balance).toBeGreaterThan(0n);
  });

  it('reports commission per day and per client matching the charges made', async () => {
    const { ctx, client, partner } = await setup();
    const other = await seedClient(ctx, { name: 'Acme Two', email: uniqueEmail('money'), status: 'active' });
    await creditPartner(operatorCtx, { partnerId: partner.id, amount: '1000000', reference: utr() });
    await addClientCredits(ctx, { clientId: client.id, amount: '300000' });
    await addClientCredits(ctx, { clientId: other.id, amount: '300000' });
    const charges = [
      await chargeClient(ctx, { clientId: client.id, product: 'agent_seat_month' }),
      await chargeClient(ctx, { clientId: client.id, product: 'call_minute_inbound', quantity: 50 }),
      await chargeClient(ctx, { clientId: other.id, product: 'voice_bot_month' }),
    ];
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
    const report = await commissionReport(ctx, { startDate: today, endDate: today });
    expect(report.totals.commission).toBe(charges.reduce((sum, c) => sum + c.commission, 0n));
    expect(report.totals.charges).toBe(3);
    expect(report.series).toEqual([{ period: today, charges: 3, commission: report.totals.commission }]);
    expect(report.byClient.find((row) => row.clientId === client.id)!.commission).toBe(charges[0]!.commission + charges[1]!.commission);
    expect((await commissionReport(ctx, { startDate: today, endDate: today, clientId: other.id })).totals.commission).toBe(charges[2]!.commission);
  });

  it('keeps a partner’s money out of reach of another partner', async () => {
    const a = await setup();
    const b = await setup();
    await expect(clientWallet(b.ctx, a.client.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(addClientCredits(b.ctx, { clientId: a.client.id, amount: '100' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(chargeClient(b.ctx, { clientId: a.client.id, product: 'point' })).rejects.toMatchObject({ code: 'not_found' });
    const staff = { partnerId: b.partner.id, actor: { type: 'partner_user' as const, id: 'usr_x', partnerId: b.partner.id, role: 'owner' as const } };
    await expect(creditPartner(staff, { partnerId: b.partner.id, amount: '100', reference: utr() })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
