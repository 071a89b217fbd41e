import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, inOneTransaction, type Queryable } from '@/db';
import { partners, sandboxClocks } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError, invalid } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { generateMonth } from '@/lib/invoices/generate';
import { atLedgerTime } from '@/lib/ledger/clock';
import { livePartnerOf } from '@/lib/partners/live-partner';
import { findSandbox } from '@/lib/partners/sandbox';
import { expireClients } from '@/lib/ledger/client-credits';
import { nextPeriod, periodOf, previousPeriod } from '@/lib/periods/ist-month';
import { renewDueWorkspaces } from '@/lib/workspaces/renewals';

/** How far one advance may move the clock: a year and a month, so a yearly plan's renewal can be reached in one go. */
export const maxAdvanceMonths = 13;

/** Sweeps of due workspaces per step of an advance (each sweep takes the renewals' batch size). */
const maxRenewalRounds = 20;

export const advanceTestClockSchema = z.strictObject({
  to: z.iso.datetime({ offset: true, error: 'Enter a date and time in ISO 8601, such as 2027-01-01T00:30:00+05:30.' }).meta({
    description: `The time to move the clock to: later than its current time, and at most ${maxAdvanceMonths} months after it.`,
    example: '2027-01-01T00:30:00+05:30',
  }),
});

export type TestClock = { sandboxId: string; time: Date; /** Ahead of real time (advanced, and real time has not caught up). */ advanced: boolean };

export type TestClockRun = {
  from: Date;
  to: Date;
  /** Workspaces renewed for a period that started by the clock's time, failed to renew, or fell to the free plan. */
  renewals: number;
  failedRenewals: number;
  droppedToFree: number;
  /** Clients whose validity ended. */
  expiredClients: number;
  /** Invoices and credit notes made, and the IST months they were made for (each month once it had ended). */
  invoices: number;
  invoicedMonths: string[];
};

const notInSandbox = () => new AppError('not_found', 'Test clocks exist in sandboxes only: call with a test key (sk_test_…), or use the console in test mode.');

async function requireSandbox(q: Queryable, ctx: PartnerCtx) {
  const [row] = await q.select({ kind: partners.kind }).from(partners).where(eq(partners.id, ctx.partnerId));
  if (row?.kind !== 'sandbox') throw notInSandbox();
}

/** The clock's time: what it was advanced to, or real now once real time has passed that (or it never was). */
async function clockOf(q: Queryable, sandboxId: string, now: Date): Promise<TestClock> {
  const [row] = await q.select({ frozenAt: sandboxClocks.frozenAt }).from(sandboxClocks).where(eq(sandboxClocks.partnerId, sandboxId));
  const advanced = Boolean(row && row.frozenAt > now);
  return { sandboxId, time: advanced ? row!.frozenAt : now, advanced };
}

/** The sandbox's test clock (`ctx` acts on the sandbox; a live partner has none, so it is not found). */
export async function getTestClock(ctx: PartnerCtx, now: Date = new Date()): Promise<TestClock> {
  requirePartnerRole(ctx, 'member');
  await requireSandbox(getDb(), ctx);
  return clockOf(getDb(), ctx.partnerId, now);
}

/**
 * A sandbox request's work, run at its test clock's time while the clock is ahead of real time: what it
 * charges or credits then falls in the clock's month (which has no invoice yet) instead of the real month,
 * invoiced already when the clock passed it — as every object attached to a Stripe test clock lives at its
 * time. Without an advanced clock the work runs as it is. One primary-key read per test-mode request.
 */
export async function atTestClock<T>(sandboxId: string, work: () => Promise<T>): Promise<T> {
  const clock = await clockOf(getDb(), sandboxId, new Date());
  return clock.advanced ? atLedgerTime(clock.time, work) : work();
}

/**
 * The clock of a live partner's sandbox, for the console's live pages (the developers page), without making the
 * sandbox: none yet means its clock is real now.
 */
export async function sandboxClockOf(liveCtx: PartnerCtx, now: Date = new Date()): Promise<TestClock | null> {
  requirePartnerRole(liveCtx, 'member');
  const live = await livePartnerOf(getDb(), liveCtx.partnerId);
  const sandbox = await findSandbox(live);
  return sandbox ? clockOf(getDb(), sandbox, now) : null;
}

/**
 * The instants the worker would have acted at between two times: each IST month's first instant in between
 * (renewals fall due and the month before can be invoiced there, all periods being IST months), then `to`.
 */
export function clockSteps(from: Date, to: Date): Date[] {
  const steps: Date[] = [];
  for (let month = nextPeriod(periodOf(from)); month.start <= to; month = nextPeriod(month)) steps.push(month.start);
  if (steps.at(-1)?.getTime() !== to.getTime()) steps.push(to);
  return steps;
}

function monthsAfter(instant: Date, months: number): Date {
  const later = new Date(instant);
  later.setUTCMonth(later.getUTCMonth() + months);
  return later;
}

/**
 * Moves a sandbox's test clock forward to `to` and runs, for that sandbox only, what the worker would have run
 * up to then, at each instant it would have: workspace renewals that fell due, validity expiries, and the
 * invoices of every IST month that ended (the month before the clock's first one too, as the worker's monthly
 * run makes sure of). Ledger rows written meanwhile are stamped at the step's time, so the invoices and the
 * wallet show them in the month they belong to. All of it is one transaction: a failure leaves the clock and
 * the sandbox as they were, and two advances at once take turns. Running the same months again makes nothing
 * twice (renewals are once per workspace and period, invoices once per recipient and month), so advancing a
 * second time doubles nothing.
 */
export async function advanceTestClock(ctx: PartnerCtx, input: Untrusted<z.input<typeof advanceTestClockSchema>>, now: Date = new Date()): Promise<TestClockRun> {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(advanceTestClockSchema, input);
  const to = new Date(data.to);
  const sandboxId = ctx.partnerId;
  await requireSandbox(getDb(), ctx);
  return inOneTransaction(async () => {
    const db = getDb();
    await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sandbox-clock:${sandboxId}`}, 0))`);
    const from = (await clockOf(db, sandboxId, now)).time;
    if (to <= from) throw invalid('to', `Choose a time after the clock’s current time, ${from.toISOString()}: a test clock only moves forward.`);
    const limit = monthsAfter(from, maxAdvanceMonths);
    if (to > limit) throw invalid('to', `Choose a time at most ${maxAdvanceMonths} months after the clock’s current time, by ${limit.toISOString()}; advance again for more.`);

    const run: TestClockRun = { from, to, renewals: 0, failedRenewals: 0, droppedToFree: 0, expiredClients: 0, invoices: 0, invoicedMonths: [] };
    for (const step of clockSteps(from, to)) {
      await atLedgerTime(step, async () => {
        // A sweep takes at most its limit of workspaces; go on until one finds nothing more that it can do. A
        // sandbox with more due than the rounds can take is refused rather than left half renewed.
        for (let round = 0; ; round++) {
          if (round === maxRenewalRounds) throw new AppError('conflict', 'This sandbox has more workspaces due than one advance can renew; advance in smaller steps.');
          const renewed = await renewDueWorkspaces(step, { partnerIds: [sandboxId] });
          run.renewals += renewed.renewed;
          run.failedRenewals += renewed.failed;
          run.droppedToFree += renewed.dropped;
          if (renewed.renewed + renewed.dropped === 0) break;
        }
        run.expiredClients += await expireClients(step, 1000, [sandboxId]);
      });
      const month = previousPeriod(periodOf(step));
      const made = await generateMonth(month, { partnerId: sandboxId, sandbox: true, now: step });
      if (made.failed) throw new Error(`The sandbox's invoices for ${month.key} could not all be made.`);
      run.invoices += made.created;
      if (!run.invoicedMonths.includes(month.key)) run.invoicedMonths.push(month.key);
    }

    const facts = {
      from: from.toISOString(),
      to: to.toISOString(),
      renewals: run.renewals,
      failed_renewals: run.failedRenewals,
      dropped_to_free: run.droppedToFree,
      expired_clients: run.expiredClients,
      invoices: run.invoices,
      invoiced_months: run.invoicedMonths,
    };
    await db.transaction(async (tx) => {
      await tx
        .insert(sandboxClocks)
        .values({ partnerId: sandboxId, frozenAt: to })
        .onConflictDoUpdate({ target: sandboxClocks.partnerId, set: { frozenAt: to, updatedAt: now } });
      await recordAudit(tx, ctx, { partnerId: sandboxId, action: 'sandbox.test_clock_advanced', targetType: 'partner', targetId: sandboxId, before: { time: from.toISOString() }, after: facts });
      await emitEvent(tx, sandboxId, 'sandbox.test_clock_advanced', facts);
    });
    return run;
  });
}
