import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';

// Each test makes partners, staff (a password hash each) and purchases: on a busy machine that is seconds.
vi.setConfig({ testTimeout: 60_000 });
import { getDb } from '@/db';
import { events, ledgerTransfers, messages, numberPurchases, numbers } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { AppError } from '@/lib/errors/app-error';
import { readAccount } from '@/lib/ledger/accounts';
import { partnerBook } from '@/lib/ledger/books';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { creditPartner } from '@/lib/ledger/money-in';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { slowProvisioningMs } from '@/lib/providers/carrier/inventory-simulator';
import { makePartner, makeStaff, systemFor, uniqueEmail } from '@/test/factories';
import { advancePendingPurchases, buyNumber } from './buy-number';
import { getNumber, listNumbers } from './client-numbers';
import { holdNumber } from './hold-number';
import { addNumberHoliday, deleteNumberHoliday, getNumberSchedule, setNumberHours } from './number-schedule';
import { endQuarantines, recallNumber, releaseNumber } from './release-number';
import { setNumberSettings } from './settings';
import { renewRentals } from './renew-rentals';
import { nextPeriod, periodFromKey, periodOf } from '@/lib/periods/ist-month';
import { searchNumbers } from './search-numbers';
import { freshInventoryNumber } from './test-numbers';

const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));
const utr = () => `UTR${Math.floor(Math.random() * 1e12)}`;

async function setup(options: { wallet?: string; clientStatus?: 'active' | 'pending' } = {}) {
  const partner = await makePartner('num');
  const admin = await makeStaff(partner.id, 'admin');
  const ctx = admin.ctx;
  await creditPartner(systemCtx, { partnerId: partner.id, amount: '10000000', reference: utr() });
  const client = await seedClient(systemFor(partner.id), { name: 'Bluebird Logistics', email: uniqueEmail('num'), status: options.clientStatus ?? 'active' });
  if (options.wallet !== '0') await addClientCredits(ctx, { clientId: client.id, amount: options.wallet ?? '500000' });
  const book = partnerBook(partner.id);
  const wallet = async () => (await readAccount(getDb(), book.wallet(client.id)))?.balance ?? 0n;
  const available = async () => {
    const account = await readAccount(getDb(), book.wallet(client.id));
    return (account?.balance ?? 0n) - (account?.held ?? 0n);
  };
  const eventsOf = async (type: string) => (await getDb().select().from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, type)))).map((e) => e.data as Record<string, unknown>);
  return { partner, ctx, client, wallet, available, eventsOf };
}

const numberRow = async (id: string) => (await getDb().select().from(numbers).where(eq(numbers.id, id)))[0]!;
// Defaults of the price book (lib/prices/products.ts): local setup ₹500 + first month ₹300 at retail.
const localFirstCharge = 50_000n + 30_000n;

describe('number search', () => {
  it('finds numbers by region, type and each pattern mode, priced at the partner’s retail', async () => {
    const { ctx } = await setup();
    const starts = await searchNumbers(ctx, { region: 'DL', type: 'local', pattern: '114', mode: 'starts_with' });
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.every((n) => n.number.startsWith('+91114') && n.region === 'DL' && n.type === 'local')).toBe(true);
    expect(starts[0]).toMatchObject({ setupPrice: 50_000n, monthlyPrice: 30_000n, regionName: 'Delhi' });
    const ends = await searchNumbers(ctx, { region: '2', pattern: '2222', mode: 'ends_with' });
    expect(ends.length).toBeGreaterThan(0);
    expect(ends.every((n) => n.number.endsWith('2222') && n.region === 'MU')).toBe(true);
    const contains = await searchNumbers(ctx, { type: 'toll_free', pattern: '1800', mode: 'contains', limit: 5 });
    expect(contains.every((n) => n.type === 'toll_free' && n.monthlyPrice === 100_000n)).toBe(true);
    expect(codeOf(await searchNumbers(ctx, { pattern: '98a' }).catch((e) => e))).toBe('validation_failed');
    expect(codeOf(await searchNumbers(ctx, { region: 'XX' }).catch((e) => e))).toBe('validation_failed');
  });

  it('keeps the sandbox’s inventory apart from the live one', async () => {
    const { partner } = await setup();
    const sandboxId = await ensureSandbox(partner.id);
    const live = await freshInventoryNumber('4501', 'live');
    const offers = await searchNumbers(systemFor(sandboxId), { pattern: live.digits, mode: 'starts_with' });
    expect(offers).toEqual([]);
  });
});

describe('holds', () => {
  it('reserve a number for ten minutes against other partners, then lapse', async () => {
    const a = await setup();
    const b = await setup();
    const number = await freshInventoryNumber();
    const now = new Date();
    const hold = await holdNumber(a.ctx, { number: number.id, clientId: a.client.id }, now);
    expect(hold.expiresAt.getTime() - now.getTime()).toBe(10 * 60_000);
    expect((await holdNumber(a.ctx, { number: number.e164 }, now)).id).toBe(hold.id);
    expect(codeOf(await holdNumber(b.ctx, { number: number.id }, now).catch((e) => e))).toBe('number_unavailable');
    expect(codeOf(await buyNumber(b.ctx, { number: number.id, clientId: b.client.id }, now).catch((e) => e))).toBe('number_unavailable');
    expect(await a.eventsOf('number.held')).toHaveLength(1);
    const later = new Date(now.getTime() + 10 * 60_000 + 1);
    expect((await holdNumber(b.ctx, { number: number.id }, later)).id).not.toBe(hold.id);
  });
});

describe('buying a number', () => {
  it('charges setup and the first month once, assigns the number and announces it', async () => {
    const { ctx, client, wallet, eventsOf } = await setup();
    const number = await freshInventoryNumber();
    const before = await wallet();
    const purchase = await buyNumber(ctx, { number: number.e164, clientId: client.id });
    expect(purchase).toMatchObject({ status: 'completed', setup: 50_000n, monthly: 30_000n, numberId: number.id });
    expect(before - (await wallet())).toBe(localFirstCharge);
    expect(await numberRow(number.id)).toMatchObject({ status: 'assigned', clientId: client.id, carrierRef: `sim:${number.digits}` });
    expect((await eventsOf('number.purchased'))[0]).toMatchObject({ number: number.e164, client_id: client.id, setup: 50_000, monthly: 30_000 });
    const list = await listNumbers(ctx, { clientId: client.id, limit: 20 });
    expect(list.data.map((n) => [n.id, n.status])).toEqual([[number.id, 'active']]);
  });

  it('lets one of two partners buying the same number at once win; the other gets a clear error and no charge', async () => {
    const a = await setup();
    const b = await setup();
    const number = await freshInventoryNumber();
    const [aBefore, bBefore] = [await a.wallet(), await b.wallet()];
    const results = await Promise.allSettled([buyNumber(a.ctx, { number: number.id, clientId: a.client.id }), buyNumber(b.ctx, { number: number.id, clientId: b.client.id })]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => codeOf(r.reason))).toEqual(['number_unavailable']);
    const charged = [aBefore - (await a.wallet()), bBefore - (await b.wallet())].sort();
    expect(charged).toEqual([0n, localFirstCharge]);
    expect([await a.available(), await b.available()].sort()).toEqual([aBefore - localFirstCharge, bBefore].sort());
  });

  it('voids the hold when provisioning fails: nothing charged, the number back in the inventory', async () => {
    const { ctx, client, wallet, available, partner } = await setup();
    const number = await freshInventoryNumber('2222');
    const before = await wallet();
    expect(codeOf(await buyNumber(ctx, { number: number.id, clientId: client.id }).catch((e) => e))).toBe('provisioning_failed');
    expect(await wallet()).toBe(before);
    expect(await available()).toBe(before);
    expect(await numberRow(number.id)).toMatchObject({ status: 'available', partnerId: null, clientId: null });
    const [purchase] = await getDb().select().from(numberPurchases).where(eq(numberPurchases.numberId, number.id));
    expect(purchase).toMatchObject({ status: 'failed', failureCode: 'provisioning_failed' });
    const transfers = await getDb().select().from(ledgerTransfers).where(and(eq(ledgerTransfers.partnerId, partner.id), eq(ledgerTransfers.objectId, number.id)));
    expect(transfers.filter((t) => t.status === 'posted')).toEqual([]);
    expect(transfers.filter((t) => t.status === 'voided').length).toBe(transfers.filter((t) => t.status === 'pending').length);
  });

  it('says so when another buyer took the number at the carrier, and withdraws it', async () => {
    const { ctx, client, wallet } = await setup();
    const number = await freshInventoryNumber('1111');
    const before = await wallet();
    const error = await buyNumber(ctx, { number: number.id, clientId: client.id }).catch((e) => e);
    expect(codeOf(error)).toBe('number_unavailable');
    expect(await wallet()).toBe(before);
    expect((await numberRow(number.id)).status).toBe('withdrawn');
  });

  it('answers a replayed purchase with the same purchase: one number, one charge', async () => {
    const { ctx, client, wallet } = await setup();
    const number = await freshInventoryNumber();
    const before = await wallet();
    const key = `buy-${number.id}`;
    const [first, second] = await Promise.all([buyNumber(ctx, { number: number.id, clientId: client.id, idempotencyKey: key }), buyNumber(ctx, { number: number.id, clientId: client.id, idempotencyKey: key })]);
    expect(first.id).toBe(second.id);
    expect([first.replayed, second.replayed].sort()).toEqual([false, true]);
    const third = await buyNumber(ctx, { number: number.id, clientId: client.id, idempotencyKey: key });
    expect(third).toMatchObject({ id: first.id, replayed: true, status: 'completed' });
    expect(before - (await wallet())).toBe(localFirstCharge);
    const other = await freshInventoryNumber();
    expect(codeOf(await buyNumber(ctx, { number: other.id, clientId: client.id, idempotencyKey: key }).catch((e) => e))).toBe('idempotency_key_reused');
  });

  it('refuses a client whose KYC is not complete, and a wallet that cannot pay', async () => {
    const pending = await setup({ clientStatus: 'pending' });
    const number = await freshInventoryNumber();
    expect(codeOf(await buyNumber(pending.ctx, { number: number.id, clientId: pending.client.id }).catch((e) => e))).toBe('client_not_active');
    const poor = await setup({ wallet: '100' });
    expect(codeOf(await buyNumber(poor.ctx, { number: number.id, clientId: poor.client.id }).catch((e) => e))).toBe('client_insufficient_funds');
    expect((await numberRow(number.id)).status).toBe('available');
  });

  it('completes a slow provisioning later, charging only then', async () => {
    const { ctx, client, wallet, available } = await setup();
    const number = await freshInventoryNumber('3333');
    const before = await wallet();
    const purchase = await buyNumber(ctx, { number: number.id, clientId: client.id });
    expect(purchase.status).toBe('provisioning');
    expect(await wallet()).toBe(before);
    expect(await available()).toBe(before - localFirstCharge);
    expect((await listNumbers(ctx, { clientId: client.id, limit: 5 })).data[0]!.status).toBe('provisioning');
    const later = new Date(Date.now() + slowProvisioningMs + 1000);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(later);
    try {
      expect(await advancePendingPurchases(later)).toBeGreaterThanOrEqual(1);
    } finally {
      vi.useRealTimers();
    }
    expect((await getDb().select().from(numberPurchases).where(eq(numberPurchases.id, purchase.id)))[0]!.status).toBe('completed');
    expect(before - (await wallet())).toBe(localFirstCharge);
  });
});

describe('release, quarantine and recall', () => {
  it('quarantines for the days the partner set, with errors beside the field for days out of range', async () => {
    const { ctx, client } = await setup();
    const bad = await setNumberSettings(ctx, { quarantineDays: '200', graceDays: 'x', suspendedDays: '0' }).catch((e) => e);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['graceDays', 'quarantineDays', 'suspendedDays']);
    expect(bad.fieldErrors.quarantineDays).toBe('At most 180 days.');
    await setNumberSettings(ctx, { quarantineDays: '45', graceDays: '7', suspendedDays: '15' });
    const number = await freshInventoryNumber();
    await buyNumber(ctx, { number: number.id, clientId: client.id });
    const now = new Date();
    const released = await releaseNumber(ctx, { number: number.id }, now);
    expect(released.reusableAfter.getTime() - now.getTime()).toBe(45 * 86_400_000);
  });

  it('quarantines a released number until its reusable-after date; only the same client may recall it', async () => {
    const { ctx, client, partner, eventsOf } = await setup();
    const other = await seedClient(systemFor(partner.id), { name: 'Other', email: uniqueEmail('num'), status: 'active' });
    const number = await freshInventoryNumber();
    await buyNumber(ctx, { number: number.id, clientId: client.id });
    const now = new Date();
    const released = await releaseNumber(ctx, { number: number.id }, now);
    expect(released.reusableAfter.getTime() - now.getTime()).toBe(30 * 86_400_000);
    expect((await eventsOf('number.released'))[0]).toMatchObject({ reason: 'client', reusable_after: released.reusableAfter.toISOString() });
    expect((await listNumbers(ctx, { clientId: client.id, limit: 5 })).data[0]).toMatchObject({ status: 'quarantined' });
    expect(codeOf(await recallNumber(ctx, { number: number.id, clientId: other.id }).catch((e) => e))).toBe('recall_window_closed');
    expect((await searchNumbers(ctx, { pattern: number.digits, mode: 'starts_with' })).length).toBe(0);
    await recallNumber(ctx, { number: number.id, clientId: client.id });
    expect((await getNumber(ctx, number.id)).status).toBe('active');

    await releaseNumber(ctx, { number: number.id }, now);
    const afterQuarantine = new Date(now.getTime() + 30 * 86_400_000 + 1000);
    expect(codeOf(await recallNumber(ctx, { number: number.id, clientId: client.id }, afterQuarantine).catch((e) => e))).toBe('recall_window_closed');
    await endQuarantines(afterQuarantine, 10_000);
    expect(await numberRow(number.id)).toMatchObject({ status: 'available', partnerId: null, clientId: null });
    expect((await getNumber(ctx, number.id).catch((e) => e)).code).toBe('not_found');
  });

  it('keeps other partners out: their release, recall, look-up and client list are 404s', async () => {
    const a = await setup();
    const b = await setup();
    const number = await freshInventoryNumber();
    await buyNumber(a.ctx, { number: number.id, clientId: a.client.id });
    expect(codeOf(await releaseNumber(b.ctx, { number: number.id }).catch((e) => e))).toBe('not_found');
    expect(codeOf(await recallNumber(b.ctx, { number: number.id, clientId: b.client.id }).catch((e) => e))).toBe('not_found');
    expect(codeOf(await getNumber(b.ctx, number.id).catch((e) => e))).toBe('not_found');
    expect(codeOf(await listNumbers(b.ctx, { clientId: a.client.id, limit: 5 }).catch((e) => e))).toBe('not_found');
    expect(codeOf(await buyNumber(b.ctx, { number: number.id, clientId: a.client.id }).catch((e) => e))).toBe('not_found');
  });
});

describe('monthly rental', () => {
  it('renews once per (number, IST month), then grace, suspension and release when unpaid', async () => {
    const { ctx, client, wallet, eventsOf, partner } = await setup({ wallet: String(localFirstCharge + 30_000n) });
    const number = await freshInventoryNumber();
    await buyNumber(ctx, { number: number.id, clientId: client.id });
    const next = nextPeriod(periodOf(new Date())).key;
    const inNext = new Date(periodFromKey(next).start.getTime() + 60_000);
    const afterPurchase = await wallet();
    // Two workers at once, then again: one charge for the month.
    await Promise.all([renewRentals(inNext, 10_000), renewRentals(inNext, 10_000)]);
    await renewRentals(inNext, 10_000);
    expect(afterPurchase - (await wallet())).toBe(30_000n);
    expect((await getNumber(ctx, number.id)).paidThrough).toBe(nextPeriod(periodFromKey(next)).key);

    // The month after, the wallet is empty: a grace period with an e-mail, then suspension, then release.
    const inThird = new Date(nextPeriod(periodFromKey(next)).start.getTime() + 60_000);
    await renewRentals(inThird, 10_000);
    const [failed] = await eventsOf('number.renewal_failed');
    expect(failed).toMatchObject({ number_id: number.id, period: nextPeriod(periodFromKey(next)).key });
    const mails = await getDb().select().from(messages).where(and(eq(messages.partnerId, partner.id), eq(messages.template, 'rental-unpaid')));
    expect(mails.map((m) => m.clientId)).toEqual([client.id]);
    await renewRentals(inThird, 10_000);
    expect(await eventsOf('number.renewal_failed')).toHaveLength(1);
    const afterGrace = new Date(inThird.getTime() + 7 * 86_400_000 + 1000);
    await renewRentals(afterGrace, 10_000);
    expect((await getNumber(ctx, number.id)).status).toBe('suspended');
    expect(await eventsOf('number.suspended')).toHaveLength(1);
    const afterSuspension = new Date(afterGrace.getTime() + 15 * 86_400_000 + 1000);
    await renewRentals(afterSuspension, 10_000);
    expect((await getNumber(ctx, number.id)).status).toBe('quarantined');
    expect((await eventsOf('number.released'))[0]).toMatchObject({ reason: 'unpaid' });
  });
});

describe('working hours of a number', () => {
  it('are set through the schedule engine, and a holiday today shows the number closed in the client’s list', async () => {
    const { ctx, client } = await setup();
    const other = await setup();
    const number = await freshInventoryNumber();
    await buyNumber(ctx, { number: number.id, clientId: client.id });
    
    await setNumberHours(ctx, number.e164, { timezone: 'Asia/Kolkata', weekly: { mon: '00:00-24:00', tue: '00:00-24:00', wed: '00:00-24:00', thu: '00:00-24:00', fri: '00:00-24:00', sat: '00:00-24:00', sun: '00:00-24:00' } });
    expect((await listNumbers(ctx, { clientId: client.id, limit: 5 })).data[0]!.schedule).toMatchObject({ open: true, reason: 'weekly_hours' });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
    const holiday = await addNumberHoliday(ctx, number.id, { name: 'Diwali', start_date: today });
    const [row] = (await listNumbers(ctx, { clientId: client.id, limit: 5 })).data;
    expect(row!.schedule).toMatchObject({ open: false, reason: 'holiday', holiday: 'Diwali' });
    expect((await getNumberSchedule(ctx, number.id)).schedule?.holidays.map((h) => h.name)).toEqual(['Diwali']);
    expect(codeOf(await setNumberHours(other.ctx, number.id, { timezone: 'Asia/Kolkata', weekly: {} }).catch((e) => e))).toBe('not_found');
    expect(codeOf(await deleteNumberHoliday(other.ctx, holiday.id).catch((e) => e))).toBe('not_found');
    await deleteNumberHoliday(ctx, holiday.id);
    expect((await getNumberSchedule(ctx, number.id)).state.open).toBe(true);
  });
});
