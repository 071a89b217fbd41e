import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, events, invoices, ledgerTransfers, sandboxClocks, workspaceCharges } from '@/db/schema';
import { seedClient } from '@/lib/clients/seed-client';
import { AppError } from '@/lib/errors/app-error';
import { chargeClient } from '@/lib/ledger/charge-client';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { simulateSandboxTopUp } from '@/lib/ledger/sandbox-helpers';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { nextPeriod, periodOf } from '@/lib/periods/ist-month';
import { createWorkspace } from '@/lib/workspaces/manage-workspaces';
import { setOffer } from '@/lib/workspaces/offers';
import { ensureStandardCatalogue } from '@/lib/workspaces/standard-catalogue';
import { makePartner, makeStaff, systemFor, uniqueEmail } from '@/test/factories';
import { resetSandbox } from './reset-sandbox';
import { advanceTestClock, atTestClock, clockSteps, getTestClock } from './test-clock';

const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, fields: error.fieldErrors };
};

/** A partner's sandbox with a client on Pro, whose first (prorated) month was charged now, at real time. */
async function sandboxWithCharge() {
  const catalogue = await ensureStandardCatalogue(getDb());
  const partner = await makePartner('clock');
  // Offers are the live partner's; its sandbox's clients see the same plans.
  await setOffer(systemFor(partner.id), { itemId: catalogue.pro.id, offered: true });
  const admin = await makeStaff(partner.id, 'admin');
  const sandboxId = await ensureSandbox(partner.id);
  const ctx = { ...admin.ctx, partnerId: sandboxId, actor: { ...admin.ctx.actor, partnerId: sandboxId } } as typeof admin.ctx;
  const system = systemFor(sandboxId);
  await simulateSandboxTopUp(system, { amount: 10_000_000n });
  const client = await seedClient(system, { name: 'Clock Client', email: uniqueEmail('clock'), status: 'active' });
  await addClientCredits(system, { clientId: client.id, amount: '1000000' });
  const workspace = await createWorkspace(ctx, { clientId: client.id, name: 'Front desk', planId: catalogue.pro.id });
  return { partner, admin, sandboxId, ctx, client, workspace };
}

const invoicesOf = (partnerId: string) => getDb().select().from(invoices).where(eq(invoices.partnerId, partnerId));

describe('sandbox test clock', () => {
  it('steps through each IST month start between two times, then the time itself', () => {
    const from = new Date('2026-12-02T10:00:00Z');
    expect(clockSteps(from, new Date('2026-12-20T00:00:00Z'))).toEqual([new Date('2026-12-20T00:00:00Z')]);
    expect(clockSteps(from, new Date('2027-02-03T00:00:00+05:30'))).toEqual([new Date('2027-01-01T00:00:00+05:30'), new Date('2027-02-01T00:00:00+05:30'), new Date('2027-02-03T00:00:00+05:30')]);
    expect(clockSteps(from, new Date('2027-01-01T00:00:00+05:30'))).toEqual([new Date('2027-01-01T00:00:00+05:30')]);
  });

  it('advances into the next IST month: renews the workspace there, invoices the month that ended with the charge made before, and stamps the renewal at the clock’s time', async () => {
    const s = await sandboxWithCharge();
    const now = new Date();
    const month = periodOf(now);
    const to = new Date(nextPeriod(month).start.getTime() + 30 * 60_000);
    expect(await getTestClock(s.ctx, now)).toMatchObject({ sandboxId: s.sandboxId, time: now, advanced: false });

    const run = await advanceTestClock(s.ctx, { to: to.toISOString() }, now);
    expect(run).toMatchObject({ from: now, to, renewals: 1, failedRenewals: 0, invoices: 1 });
    expect(run.invoicedMonths).toContain(month.key);
    expect(await getTestClock(s.ctx, now)).toMatchObject({ time: to, advanced: true });

    const [invoice] = await invoicesOf(s.sandboxId);
    expect(invoice).toMatchObject({ issuer: 'partner', clientId: s.client.id, period: month.key, kind: 'invoice', issuedAt: nextPeriod(month).start });
    const [first] = await getDb().select().from(workspaceCharges).where(and(eq(workspaceCharges.workspaceId, s.workspace.id), eq(workspaceCharges.kind, 'subscription')));
    expect(invoice!.lines).toEqual([expect.objectContaining({ product: 'workspace_plan', gross: String(first!.retail) })]);
    expect(invoice!.total).toBe(first!.retail);

    // The renewal belongs to the new month: charged at its first instant, on the next month's invoice.
    const [renewal] = await getDb().select().from(workspaceCharges).where(and(eq(workspaceCharges.workspaceId, s.workspace.id), eq(workspaceCharges.kind, 'renewal')));
    expect(renewal).toMatchObject({ period: nextPeriod(month).key });
    const [transfer] = await getDb().select().from(ledgerTransfers).where(eq(ledgerTransfers.setId, renewal!.setId!)).limit(1);
    expect(transfer!.createdAt).toEqual(nextPeriod(month).start);

    const audits = await getDb().select().from(auditLog).where(and(eq(auditLog.partnerId, s.sandboxId), eq(auditLog.action, 'sandbox.test_clock_advanced')));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: s.admin.id, after: expect.objectContaining({ renewals: 1, invoices: 1 }) });
    expect(await getDb().select().from(events).where(and(eq(events.partnerId, s.sandboxId), eq(events.type, 'sandbox.test_clock_advanced')))).toHaveLength(1);

    // Twice: the months run again, and nothing is made a second time.
    const again = await advanceTestClock(s.ctx, { to: new Date(to.getTime() + 60_000).toISOString() }, now);
    expect(again).toMatchObject({ renewals: 0, invoices: 0 });
    expect(await invoicesOf(s.sandboxId)).toHaveLength(1);
    expect(await getDb().select().from(workspaceCharges).where(and(eq(workspaceCharges.workspaceId, s.workspace.id), eq(workspaceCharges.kind, 'renewal')))).toHaveLength(1);

    // A reset takes the clock back to real time, with the data it ran over.
    await resetSandbox(s.admin.ctx);
    expect(await getDb().select().from(sandboxClocks).where(eq(sandboxClocks.partnerId, s.sandboxId))).toEqual([]);
    expect(await getTestClock(s.ctx, now)).toMatchObject({ time: now, advanced: false });
  }, 120_000);

  it('runs what a sandbox request charges after an advance at the clock’s time, so the clock’s month invoices it', async () => {
    const s = await sandboxWithCharge();
    const month = periodOf(new Date());
    const january = nextPeriod(month);
    const to = new Date(january.start.getTime() + 30 * 60_000);
    await advanceTestClock(s.ctx, { to: to.toISOString() });

    // As the REST chassis and the test-mode console run a request's work.
    const charge = await atTestClock(s.sandboxId, () => chargeClient(systemFor(s.sandboxId), { clientId: s.client.id, product: 'agent_seat_month', objectId: 'agt_clock' }));
    const [transfer] = await getDb().select().from(ledgerTransfers).where(eq(ledgerTransfers.setId, charge.chargeId)).limit(1);
    expect(transfer!.createdAt).toEqual(to);

    await advanceTestClock(s.ctx, { to: new Date(nextPeriod(january).start.getTime() + 30 * 60_000).toISOString() });
    const [invoice] = (await invoicesOf(s.sandboxId)).filter((row) => row.period === january.key);
    expect(invoice!.lines).toEqual(expect.arrayContaining([expect.objectContaining({ product: 'agent_seat_month', gross: String(charge.retail) })]));
  }, 120_000);

  it('leaves another sandbox untouched, and never invoices the live partner', async () => {
    const mine = await sandboxWithCharge();
    const other = await sandboxWithCharge();
    const now = new Date();
    await advanceTestClock(mine.ctx, { to: new Date(nextPeriod(periodOf(now)).start.getTime() + 60_000).toISOString() }, now);
    expect(await invoicesOf(mine.sandboxId)).toHaveLength(1);
    expect(await invoicesOf(other.sandboxId)).toEqual([]);
    expect(await getDb().select().from(workspaceCharges).where(and(eq(workspaceCharges.workspaceId, other.workspace.id), eq(workspaceCharges.kind, 'renewal')))).toEqual([]);
    expect(await getTestClock(other.ctx, now)).toMatchObject({ advanced: false });
    expect(await invoicesOf(mine.partner.id)).toEqual([]);
  }, 120_000);

  it('refuses a live partner, a time not after the clock, one too far ahead, and a member', async () => {
    const s = await sandboxWithCharge();
    const now = new Date();
    expect(await refusal(advanceTestClock(s.admin.ctx, { to: new Date(now.getTime() + 86_400_000).toISOString() }, now))).toMatchObject({ code: 'not_found' });
    expect(await refusal(getTestClock(s.admin.ctx, now))).toMatchObject({ code: 'not_found' });

    const backwards = await refusal(advanceTestClock(s.ctx, { to: new Date(now.getTime() - 60_000).toISOString() }, now));
    expect(backwards).toMatchObject({ code: 'validation_failed', fields: { to: expect.stringMatching(/after the clock’s current time/) } });
    const far = new Date(now);
    far.setUTCMonth(far.getUTCMonth() + 13);
    far.setUTCDate(far.getUTCDate() + 1);
    expect(await refusal(advanceTestClock(s.ctx, { to: far.toISOString() }, now))).toMatchObject({ code: 'validation_failed', fields: { to: expect.stringMatching(/at most 13 months/) } });
    expect(await refusal(advanceTestClock(s.ctx, { to: 'next tuesday' }, now))).toMatchObject({ code: 'validation_failed', fields: { to: expect.any(String) } });

    // Once advanced, the clock is the bar: an earlier time than it (though later than real now) is refused too.
    const ahead = new Date(now.getTime() + 2 * 86_400_000);
    await advanceTestClock(s.ctx, { to: ahead.toISOString() }, now);
    expect(await refusal(advanceTestClock(s.ctx, { to: new Date(now.getTime() + 86_400_000).toISOString() }, now))).toMatchObject({ code: 'validation_failed', fields: { to: expect.any(String) } });

    const member = await makeStaff(s.partner.id, 'member');
    const memberCtx = { ...member.ctx, partnerId: s.sandboxId, actor: { ...member.ctx.actor, partnerId: s.sandboxId } } as typeof member.ctx;
    expect(await refusal(advanceTestClock(memberCtx, { to: new Date(ahead.getTime() + 60_000).toISOString() }, now))).toMatchObject({ code: 'forbidden' });
    expect(await getTestClock(memberCtx, now)).toMatchObject({ time: ahead, advanced: true });
  }, 120_000);
});
