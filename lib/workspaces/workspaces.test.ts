import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { commissions, events, ledgerTransfers, workspaceCharges } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { AppError } from '@/lib/errors/app-error';
import { readAccount } from '@/lib/ledger/accounts';
import { partnerBook } from '@/lib/ledger/books';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { creditPartner } from '@/lib/ledger/money-in';
import { buyUnits } from '@/lib/ledger/units';
import { verifyLedger } from '@/lib/ledger/verify-ledger';
import { makePartner, systemFor, unique, uniqueEmail } from '@/test/factories';
import { daysLeft, daysOf, nextPeriodAfter, periodStartingAt, prorate, prorationOf } from './billing-periods';
import { addAddon, changePlan, removeAddon } from './change-plan';
import { cancelWorkspace, createWorkspace, getWorkspace, pauseWorkspace, reportUsage, resumeWorkspace, setBillingInfo, updateWorkspace } from './manage-workspaces';
import { setOffer } from './offers';
import { renewDueWorkspaces } from './renewals';
import { ensureStandardCatalogue } from './standard-catalogue';
import { deductPoints, topUpPoints } from './workspace-points';

const ist = (local: string) => new Date(`${local}+05:30`);
const code = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, fields: error.fieldErrors };
    throw error;
  }
  throw new Error('expected an AppError');
};

async function setup({ wallet = 1_000_000n, prepaid = 1_000_000n } = {}) {
  const catalogue = await ensureStandardCatalogue(getDb());
  const partner = await makePartner('plans');
  const ctx = systemFor(partner.id);
  for (const item of [catalogue.pro, catalogue.business, catalogue.extraMember]) await setOffer(ctx, { itemId: item.id, offered: true });
  const client = await seedClient(ctx, {
    name: 'Kestrel Couriers',
    email: uniqueEmail('plans'),
    status: 'active',
  });
  if (prepaid)
    await creditPartner(systemCtx, {
      partnerId: partner.id,
      amount: String(prepaid),
      reference: `UTR${unique()}`,
    });
  if (wallet)
    await addClientCredits(ctx, {
      clientId: client.id,
      amount: String(wallet),
    });
  const book = partnerBook(partner.id);
  const balances = async () => ({
    wallet: (await readAccount(getDb(), book.wallet(client.id)))?.balance ?? 0n,
    prepaid: (await readAccount(getDb(), book.prepaid))?.balance ?? 0n,
  });
  const eventsOf = async (type: string) =>
    getDb()
      .select()
      .from(events)
      .where(and(eq(events.partnerId, partner.id), eq(events.type, type)));
  const charges = (workspaceId: string) => getDb().select().from(workspaceCharges).where(eq(workspaceCharges.workspaceId, workspaceId));
  const only = { partnerIds: [partner.id] };
  return { catalogue, partner, ctx, client, balances, eventsOf, charges, only };
}

describe('billing periods in IST', () => {
  it('puts a renewal at 00:30 IST on the 1st in the new month, and one at 23:59 IST on the 30th in the old', () => {
    expect(periodStartingAt(ist('2026-12-01T00:30:00'), 'monthly')).toMatchObject({
      key: '2026-12',
      start: ist('2026-12-01T00:00:00'),
      end: ist('2027-01-01T00:00:00'),
    });
    // 18:59 UTC on 30 November is already 00:29 IST on 1 December.
    expect(periodStartingAt(new Date('2026-11-30T18:59:00Z'), 'monthly').key).toBe('2026-12');
    expect(periodStartingAt(ist('2026-11-30T23:59:00'), 'monthly').key).toBe('2026-11');
    expect(periodStartingAt(ist('2026-12-15T10:00:00'), 'yearly')).toMatchObject({ key: '2026-12', end: ist('2027-12-01T00:00:00') });
  });

  it('renews from the end of the last period, or from the current month when whole periods were missed', () => {
    const end = ist('2027-01-01T00:00:00');
    expect(nextPeriodAfter(end, 'monthly', ist('2027-01-01T00:30:00')).key).toBe('2027-01');
    expect(nextPeriodAfter(end, 'monthly', ist('2027-03-10T00:00:00')).key).toBe('2027-03');
    expect(nextPeriodAfter(end, 'yearly', ist('2027-06-10T00:00:00'))).toMatchObject({ key: '2027-01', end: ist('2028-01-01T00:00:00') });
  });

  it('prorates by the IST days left, the day in progress counted, half up to the paisa', () => {
    const december = periodStartingAt(ist('2026-12-01T00:00:00'), 'monthly');
    expect(daysOf(december)).toBe(31);
    expect(daysLeft(december, ist('2026-12-16T12:00:00'))).toBe(16);
    expect(daysLeft(december, ist('2026-12-31T23:59:00'))).toBe(1);
    expect(daysLeft(december, ist('2026-12-01T00:00:00'))).toBe(31);
    // ₹999.00 × 16/31 = 51,561.29… paise → 51,561; ₹2,999.00 × 16/31 = 154,787.09… → 154,787.
    expect(prorate(99_900n, 16, 31)).toBe(51_561n);
    expect(prorationOf(99_900n, 299_900n, 16, 31)).toEqual({
      credit: 51_561n,
      charge: 154_787n,
      due: 103_226n,
    });
    // A cheaper plan owes nothing now (it waits for the period's end).
    expect(prorationOf(299_900n, 99_900n, 16, 31).due).toBe(0n);
  });
});

describe('workspaces', () => {
  it('charges a new paid workspace for the rest of its first month, retail to the client and wholesale to the partner', async () => {
    const s = await setup();
    const ws = await createWorkspace(
      s.ctx,
      {
        clientId: s.client.id,
        name: 'Support bot',
        planId: s.catalogue.pro.id,
      },
      ist('2026-12-16T12:00:00'),
    );
    expect(ws).toMatchObject({
      plan: { code: 'pro' },
      status: 'active',
      billing_period: 'monthly',
      effects: { entitled: true, invoicing: true, collecting: true },
    });
    expect(ws.current_period.start).toEqual(ist('2026-12-01T00:00:00'));
    // Pro lists at ₹999.00; a standard partner pays 20 % less wholesale: 79,920 a month.
    const [charge] = await s.charges(ws.id);
    expect(charge).toMatchObject({
      kind: 'subscription',
      period: '2026-12',
      retail: 51_561n,
      wholesale: prorate(79_920n, 16, 31),
    });
    expect(await s.balances()).toEqual({
      wallet: 1_000_000n - 51_561n,
      prepaid: 1_000_000n - prorate(79_920n, 16, 31),
    });
    const transfers = await getDb().select().from(ledgerTransfers).where(eq(ledgerTransfers.setId, charge!.setId!));
    expect(transfers.map((t) => t.metadata)).toEqual([
      expect.objectContaining({
        workspace_id: ws.id,
        charge_kind: 'subscription',
        plan_code: 'pro',
        period: '2026-12',
      }),
      expect.objectContaining({ workspace_id: ws.id }),
    ]);
    expect((await s.eventsOf('workspace.created')).length).toBe(1);
  });

  it('upgrades at once with a prorated charge and a credit for the old plan, and downgrades at the period’s end', async () => {
    const s = await setup();
    const ws = await createWorkspace(s.ctx, { clientId: s.client.id, name: 'Sales bot', planId: s.catalogue.pro.id }, ist('2026-12-01T09:00:00'));
    const before = await s.balances();
    const up = await changePlan(s.ctx, ws.id, { planId: s.catalogue.business.id }, ist('2026-12-16T12:00:00'));
    expect(up).toMatchObject({
      effective: 'now',
      workspace: { plan: { code: 'business' }, pending_plan: null },
    });
    const upgrade = (await s.charges(ws.id)).find((c) => c.kind === 'upgrade')!;
    // Retail: 154,787 for Business's 16 days less 51,561 credit for Pro's; wholesale likewise at 20 % off list.
    const wholesaleDue = prorationOf(79_920n, 239_920n, 16, 31).due;
    expect(upgrade).toMatchObject({
      retail: 103_226n,
      wholesale: wholesaleDue,
    });
    expect(await s.balances()).toEqual({
      wallet: before.wallet - 103_226n,
      prepaid: before.prepaid - wholesaleDue,
    });
    const [margin] = await getDb().select().from(commissions).where(eq(commissions.setId, upgrade.setId!));
    expect(margin!.commission).toBe(103_226n - wholesaleDue);
    const [changed] = await s.eventsOf('workspace.plan_changed');
    expect(changed!.data).toMatchObject({
      direction: 'upgrade',
      to_plan_id: s.catalogue.business.id,
      charge: { retail: 103_226, credit_retail: '51561' },
    });
    expect((await s.eventsOf('client.upgraded'))[0]!.data).toMatchObject({
      workspace_id: ws.id,
      from_plan: 'pro',
      to_plan: 'business',
      amount: 103_226,
    });

    const down = await changePlan(s.ctx, ws.id, { planId: s.catalogue.pro.id }, ist('2026-12-20T12:00:00'));
    expect(down).toMatchObject({
      effective: 'period_end',
      workspace: { plan: { code: 'business' }, pending_plan: { code: 'pro' } },
    });
    const afterDown = await s.balances();
    expect(afterDown).toEqual(await s.balances());
    // At 00:30 IST on 1 January the renewal applies the downgrade and charges Pro for January.
    await renewDueWorkspaces(ist('2027-01-01T00:30:00'), s.only);
    const renewed = await getWorkspace(s.ctx, ws.id);
    expect(renewed).toMatchObject({
      plan: { code: 'pro' },
      pending_plan: null,
    });
    expect(renewed.current_period.start).toEqual(ist('2027-01-01T00:00:00'));
    expect((await s.charges(ws.id)).find((c) => c.kind === 'renewal')).toMatchObject({ period: '2027-01', retail: 99_900n, wholesale: 79_920n });
    expect((await verifyLedger({ partnerId: s.partner.id })).problems).toEqual([]);
  });

  it('renews a period once even with two workers at once', async () => {
    const s = await setup();
    const ws = await createWorkspace(s.ctx, { clientId: s.client.id, name: 'Bot', planId: s.catalogue.pro.id }, ist('2026-12-01T09:00:00'));
    await addAddon(s.ctx, ws.id, { addonId: s.catalogue.extraMember.id, quantity: 2 }, ist('2026-12-01T09:00:00'));
    const before = await s.balances();
    const at = ist('2027-01-01T00:30:00');
    const results = await Promise.all([renewDueWorkspaces(at, s.only), renewDueWorkspaces(at, s.only), renewDueWorkspaces(at, s.only)]);
    expect(results.reduce((sum, r) => sum + r.renewed, 0)).toBe(1);
    const renewals = (await s.charges(ws.id)).filter((c) => c.kind === 'renewal');
    // Pro ₹999 + 2 × ₹199 extra members.
    expect(renewals).toEqual([
      expect.objectContaining({
        period: '2027-01',
        retail: 99_900n + 2n * 19_900n,
      }),
    ]);
    expect(await s.balances()).toEqual({
      wallet: before.wallet - 139_700n,
      prepaid: before.prepaid - (79_920n + 2n * 15_920n),
    });
    // Again later the same month: nothing is due.
    expect((await renewDueWorkspaces(ist('2027-01-20T00:00:00'), s.only)).renewed).toBe(0);
    expect((await s.eventsOf('workspace.renewed')).length).toBe(1);
  });

  it('pauses a workspace whose renewal cannot be paid, and resumes it once paid', async () => {
    const s = await setup({ wallet: 99_900n });
    const ws = await createWorkspace(s.ctx, { clientId: s.client.id, name: 'Bot', planId: s.catalogue.pro.id }, ist('2026-12-01T00:10:00'));
    // The first month took the whole wallet; January cannot be paid.
    expect((await renewDueWorkspaces(ist('2027-01-01T00:30:00'), s.only)).failed).toBe(1);
    expect(await getWorkspace(s.ctx, ws.id)).toMatchObject({
      status: 'paused',
      pause_code: 'renewal_unpaid',
      effects: { entitled: false, invoicing: true, collecting: true },
    });
    expect((await s.eventsOf('workspace.renewal_failed'))[0]!.data).toMatchObject({ period: '2027-01', code: 'client_insufficient_funds' });
    expect(await code(() => resumeWorkspace(s.ctx, ws.id))).toMatchObject({
      code: 'conflict',
    });
    // A retry too soon is not made; a later one fails quietly (one event per failure).
    expect((await renewDueWorkspaces(ist('2027-01-01T00:35:00'), s.only)).failed).toBe(0);
    expect((await renewDueWorkspaces(ist('2027-01-01T00:45:00'), s.only)).failed).toBe(1);
    expect((await s.eventsOf('workspace.renewal_failed')).length).toBe(1);
    await addClientCredits(s.ctx, { clientId: s.client.id, amount: '100000' });
    expect((await renewDueWorkspaces(ist('2027-01-01T01:00:00'), s.only)).renewed).toBe(1);
    expect(await getWorkspace(s.ctx, ws.id)).toMatchObject({
      status: 'active',
      pause_code: null,
    });
    expect((await s.eventsOf('workspace.resumed'))[0]!.data).toMatchObject({
      cause: 'renewal_paid',
      previous_pause_code: 'renewal_unpaid',
    });
  });

  it('pauses a workspace over its plan’s limits and resumes it by itself once within them', async () => {
    const s = await setup();
    const ws = await createWorkspace(s.ctx, {
      clientId: s.client.id,
      name: 'Bot',
      planId: s.catalogue.pro.id,
    });
    const over = await reportUsage(s.ctx, ws.id, { members: 5, bots: 2 });
    expect(over).toMatchObject({
      status: 'paused',
      pause_code: 'limit_exceeded',
      over_limits: ['members 5 of 3'],
      effects: { entitled: false },
    });
    expect((await s.eventsOf('workspace.paused'))[0]!.data).toMatchObject({
      pause_code: 'limit_exceeded',
      automatic: true,
    });
    // One extra member is not enough; a second brings the limit to 5.
    expect(await addAddon(s.ctx, ws.id, { addonId: s.catalogue.extraMember.id })).toMatchObject({
      status: 'paused',
      pause_reason: 'Over the plan’s limits: members 5 of 4.',
    });
    expect(await addAddon(s.ctx, ws.id, { addonId: s.catalogue.extraMember.id })).toMatchObject({ status: 'active', limits: { members: 5 } });
    expect((await s.eventsOf('workspace.resumed'))[0]!.data).toMatchObject({
      cause: 'within_limits',
    });
    // Removing an add-on waits for the period's end, and the renewal then pauses it again.
    expect(await removeAddon(s.ctx, ws.id, { addonId: s.catalogue.extraMember.id })).toMatchObject({
      status: 'active',
      addons: [{ quantity: 2, quantity_from_period_end: 0 }],
    });
  });

  it('pauses and resumes by the partner with a reason; a paused workspace is not renewed', async () => {
    const s = await setup();
    const ws = await createWorkspace(s.ctx, { clientId: s.client.id, name: 'Bot', planId: s.catalogue.pro.id }, ist('2026-12-05T10:00:00'));
    expect(await code(() => pauseWorkspace(s.ctx, ws.id, { reason: '' }))).toMatchObject({
      code: 'validation_failed',
      fields: { reason: expect.any(String) },
    });
    expect(
      await pauseWorkspace(s.ctx, ws.id, {
        reason: 'Client asked for a break',
      }),
    ).toMatchObject({
      status: 'paused',
      pause_code: 'manual',
      pause_reason: 'Client asked for a break',
      effects: { entitled: false, invoicing: false, collecting: false },
    });
    expect((await renewDueWorkspaces(ist('2027-01-01T00:30:00'), s.only)).renewed).toBe(0);
    expect(await resumeWorkspace(s.ctx, ws.id)).toMatchObject({
      status: 'active',
    });
    // Resumed in February: the renewal charges February, not the months it was paused.
    await renewDueWorkspaces(ist('2027-02-03T10:00:00'), s.only);
    expect((await s.charges(ws.id)).filter((c) => c.kind === 'renewal').map((c) => c.period)).toEqual(['2027-02']);
  });

  it('drops a workspace without auto-renew to the free plan three days after its period ends', async () => {
    const s = await setup();
    const ws = await createWorkspace(s.ctx, { clientId: s.client.id, name: 'Bot', planId: s.catalogue.pro.id }, ist('2026-12-05T10:00:00'));
    await addAddon(s.ctx, ws.id, { addonId: s.catalogue.extraMember.id }, ist('2026-12-05T10:00:00'));
    await updateWorkspace(s.ctx, ws.id, { autoRenew: false });
    const before = await s.balances();
    await renewDueWorkspaces(ist('2027-01-03T23:00:00'), s.only);
    expect(await getWorkspace(s.ctx, ws.id)).toMatchObject({
      plan: { code: 'pro' },
    });
    expect((await renewDueWorkspaces(ist('2027-01-04T00:10:00'), s.only)).dropped).toBe(1);
    expect(await getWorkspace(s.ctx, ws.id)).toMatchObject({
      plan: { code: 'free' },
      addons: [],
      auto_renew: false,
    });
    expect(await s.balances()).toEqual(before);
    expect((await s.eventsOf('workspace.plan_changed')).at(-1)!.data).toMatchObject({ direction: 'downgrade', cause: 'not_renewed' });
  });

  it('moves points through the ledger from the partner’s pool, and returns them on cancel', async () => {
    const s = await setup();
    const book = partnerBook(s.partner.id);
    await buyUnits(s.ctx, { unit: 'points', quantity: 500 });
    const ws = await createWorkspace(s.ctx, {
      clientId: s.client.id,
      name: 'Bot',
    });
    expect(ws.plan.code).toBe('free');
    expect(
      await topUpPoints(s.ctx, ws.id, {
        quantity: 300,
        comment: 'Welcome bonus',
      }),
    ).toMatchObject({ points: 300n });
    expect(await deductPoints(s.ctx, ws.id, { quantity: 50 })).toMatchObject({
      points: 250n,
    });
    expect(await code(() => deductPoints(s.ctx, ws.id, { quantity: 251 }))).toMatchObject({
      code: 'validation_failed',
      fields: { quantity: expect.stringContaining('250') },
    });
    expect(await code(() => topUpPoints(s.ctx, ws.id, { quantity: 1_000 }))).toMatchObject({ code: 'partner_insufficient_funds' });
    expect((await readAccount(getDb(), book.pool('points')))?.balance).toBe(250n);
    const cancelled = await cancelWorkspace(s.ctx, ws.id, {
      reason: 'Closed the business',
    });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      points: 0,
      effects: { entitled: false, invoicing: false },
    });
    expect((await readAccount(getDb(), book.pool('points')))?.balance).toBe(500n);
    expect((await s.eventsOf('client.cancelled')).length).toBe(1);
    expect((await verifyLedger({ partnerId: s.partner.id })).problems).toEqual([]);
  });

  it('answers bad input with field errors and another partner’s workspace with 404', async () => {
    const s = await setup();
    expect(
      await code(() =>
        createWorkspace(s.ctx, {
          clientId: s.client.id,
          name: '',
          billingPeriod: 'weekly' as never,
        }),
      ),
    ).toMatchObject({
      code: 'validation_failed',
      fields: {
        name: expect.any(String),
        billingPeriod: 'Choose monthly or yearly.',
      },
    });
    const other = await makePartner('plans-other');
    const otherCtx = systemFor(other.id);
    // Not offered by the other partner (it offers nothing but the free plan).
    const otherClient = await seedClient(otherCtx, {
      name: 'Heron',
      email: uniqueEmail('plans'),
      status: 'active',
    });
    expect(
      await code(() =>
        createWorkspace(otherCtx, {
          clientId: otherClient.id,
          name: 'Bot',
          planId: s.catalogue.pro.id,
        }),
      ),
    ).toMatchObject({
      code: 'validation_failed',
      fields: { planId: expect.stringContaining('Pro') },
    });
    const ws = await createWorkspace(s.ctx, {
      clientId: s.client.id,
      name: 'Bot',
    });
    expect(await code(() => getWorkspace(otherCtx, ws.id))).toMatchObject({
      code: 'not_found',
    });
    expect(await code(() => createWorkspace(otherCtx, { clientId: s.client.id, name: 'Bot' }))).toMatchObject({ code: 'not_found' });
    expect(
      await code(() =>
        setBillingInfo(s.ctx, ws.id, {
          legalName: 'Kestrel Couriers Pvt Ltd',
          gstin: '27AAACB4821K1Z',
          addressLine1: '1 MG Road',
          city: 'Pune',
          state: 'Maharashtra',
          pincode: '41100',
        }),
      ),
    ).toMatchObject({
      fields: { gstin: expect.any(String), pincode: expect.any(String) },
    });
    await setBillingInfo(s.ctx, ws.id, {
      legalName: 'Kestrel Couriers Pvt Ltd',
      gstin: '27aaacb4821k1zr',
      addressLine1: '1 MG Road',
      city: 'Pune',
      state: 'Maharashtra',
      pincode: '411001',
    });
    expect((await getWorkspace(s.ctx, ws.id)).billing_info).toMatchObject({
      gstin: '27AAACB4821K1ZR',
      state: 'Maharashtra',
    });
    // An upgrade the client cannot pay moves nothing.
    const poor = await setup({ wallet: 0n });
    const cheap = await createWorkspace(poor.ctx, {
      clientId: poor.client.id,
      name: 'Bot',
    });
    expect(await code(() => changePlan(poor.ctx, cheap.id, { planId: poor.catalogue.pro.id }))).toMatchObject({ code: 'client_insufficient_funds' });
    expect(await getWorkspace(poor.ctx, cheap.id)).toMatchObject({
      plan: { code: 'free' },
    });
  });
});
