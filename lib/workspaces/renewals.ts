import { and, asc, eq, inArray, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { workspaceAddons, workspaceCharges, workspaces, type Workspace } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors/app-error';
import { emitEvent } from '@/lib/events/emit-event';
import { nextPeriodAfter, periodStartingAt, type WorkspacePeriod } from './billing-periods';
import { freePlan } from './catalogue';
import { chargeWorkspace } from './charge-workspace';
import { addonOffer, planOffer } from './offers';
import { applyLimits, pauseWorkspaceRow, resumeWorkspaceRow, workspaceEventFacts, workspacePayload } from './workspace-state';

export type RenewalOutcome = 'renewed' | 'failed' | 'dropped' | 'skipped';

export type RenewalOptions = {
  /** How many days after its period ends a workspace without auto-renew falls to the free plan (UChat: 3). */
  dropDays?: number;
  /** How long after a failed renewal it is tried again (the client or partner may have topped up since). */
  retryMs?: number;
  limit?: number;
  /** Only these partners' workspaces (tests, and a run for one partner). */
  partnerIds?: string[];
};

const dayMs = 86_400_000;

/**
 * The worker's renewal sweep: every workspace whose period has ended is renewed for its next IST period (its
 * plan and add-ons at the partner's retail price to the client, wholesale to the partner, in one linked set),
 * or, with auto-renew off, falls to the free plan `dropDays` after the period ended. Each workspace is renewed
 * in its own transaction holding its row: a second worker skips it (SKIP LOCKED) and then finds its period
 * moved on, and the renewal's ledger key and its (workspace, period) charge row make a second charge for the
 * same period impossible even so.
 */
export async function renewDueWorkspaces(now: Date = new Date(), options: RenewalOptions = {}): Promise<Record<RenewalOutcome, number>> {
  const dropDays = options.dropDays ?? getConfig().WORKSPACE_FREE_DROP_DAYS;
  const retryMs = options.retryMs ?? 10 * 60_000;
  const dropBefore = new Date(now.getTime() - dropDays * dayMs);
  const retryBefore = new Date(now.getTime() - retryMs);
  const due = await getDb()
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(and(dueWhere(now, dropBefore, retryBefore), options.partnerIds ? inArray(workspaces.partnerId, options.partnerIds) : undefined))
    .orderBy(asc(workspaces.periodEnd))
    .limit(options.limit ?? 100);
  const counts: Record<RenewalOutcome, number> = {
    renewed: 0,
    failed: 0,
    dropped: 0,
    skipped: 0,
  };
  for (const { id } of due) {
    const outcome = await getDb().transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(workspaces)
        .where(and(eq(workspaces.id, id), dueWhere(now, dropBefore, retryBefore)))
        .for('update', { skipLocked: true });
      return row ? renewOne(tx, row, now) : 'skipped';
    });
    counts[outcome] += 1;
  }
  return counts;
}

function dueWhere(now: Date, dropBefore: Date, retryBefore: Date) {
  return and(
    ne(workspaces.status, 'cancelled'),
    eq(workspaces.invoicing, true),
    lte(workspaces.periodEnd, now),
    or(eq(workspaces.autoRenew, true), lte(workspaces.periodEnd, dropBefore)),
    // A failed renewal waits a while before it is tried again.
    or(sql`${workspaces.pauseCode} is distinct from 'renewal_unpaid'`, and(isNotNull(workspaces.pausedAt), lte(workspaces.pausedAt, retryBefore))),
  );
}

async function renewOne(tx: Tx, row: Workspace, now: Date): Promise<RenewalOutcome> {
  const ctx: PartnerCtx = {
    actor: { type: 'system' },
    partnerId: row.partnerId,
  };
  if (!row.autoRenew) return dropToFree(tx, ctx, row, now);
  row = await applyPendingChanges(tx, ctx, row, now);
  const next = nextPeriodAfter(row.periodEnd, row.billingPeriod, now);
  const price = await periodPrice(tx, row);
  try {
    const charged = await tx.transaction((savepoint) =>
      chargeWorkspace(savepoint, ctx, {
        workspace: row,
        kind: 'renewal',
        period: next,
        retail: price.retail,
        wholesale: price.wholesale,
        idempotencyKey: `workspace-renewal:${row.id}:${next.key}`,
        memo: `Renewal, ${price.names.join(' + ')}, ${row.billingPeriod}, ${next.key}`,
        details: {
          plan_id: row.planId,
          plan_code: price.planCode,
          billing_period: row.billingPeriod,
          addons: price.addons,
        },
      }),
    );
    await renewed(tx, ctx, row, next, now, {
      retail: price.retail,
      wholesale: price.wholesale,
      charge_id: charged.charge?.setId ?? null,
    });
    return 'renewed';
  } catch (error) {
    if (error instanceof AppError && (error.code === 'client_insufficient_funds' || error.code === 'partner_insufficient_funds')) {
      // Announced once per failure: later retries of the same period stay quiet until one succeeds.
      await tx.update(workspaces).set({ pausedAt: now }).where(eq(workspaces.id, row.id));
      if (row.status === 'paused' && row.pauseCode === 'renewal_unpaid') return 'failed';
      await emitEvent(tx, ctx.partnerId, 'workspace.renewal_failed', {
        ...workspacePayload(row),
        ...(await workspaceEventFacts(tx, row)),
        period: next.key,
        retail: Number(price.retail),
        wholesale: Number(price.wholesale),
        code: error.code,
        reason: error.message,
      });
      await pauseWorkspaceRow(tx, ctx, row, 'renewal_unpaid', `The renewal for ${next.key} could not be paid: ${error.message}`, now);
      return 'failed';
    }
    // The period was charged already (by a worker whose row lock this one did not see): only move the period on.
    if (error instanceof AppError && error.code === 'ledger_key_conflict') {
      const [charge] = await tx
        .select()
        .from(workspaceCharges)
        .where(and(eq(workspaceCharges.workspaceId, row.id), eq(workspaceCharges.kind, 'renewal'), eq(workspaceCharges.period, next.key)));
      if (charge) {
        await tx.update(workspaces).set({ periodStart: next.start, periodEnd: next.end, updatedAt: now }).where(eq(workspaces.id, row.id));
        return 'skipped';
      }
    }
    throw error;
  }
}

/** The next period's price: the plan and each add-on's units, at the partner's retail and wholesale prices now. */
async function periodPrice(tx: Tx, row: Workspace) {
  const plan = await planOffer(tx, row.partnerId, row.planId, true);
  let retail = plan.prices[row.billingPeriod].retail;
  let wholesale = plan.prices[row.billingPeriod].wholesale;
  const names = [plan.item.name];
  const addons: {
    addon_id: string;
    code: string;
    units: number;
    unit_retail: string;
    unit_wholesale: string;
  }[] = [];
  for (const held of await tx.select().from(workspaceAddons).where(eq(workspaceAddons.workspaceId, row.id))) {
    if (held.quantity <= 0) continue;
    const addon = await addonOffer(tx, row.partnerId, held.addonId, true);
    const unit = addon.prices[row.billingPeriod];
    retail += unit.retail * BigInt(held.quantity);
    wholesale += unit.wholesale * BigInt(held.quantity);
    names.push(`${held.quantity} × ${addon.item.name}`);
    addons.push({
      addon_id: addon.item.id,
      code: addon.item.code,
      units: held.quantity,
      unit_retail: String(unit.retail),
      unit_wholesale: String(unit.wholesale),
    });
  }
  return { retail, wholesale, names, planCode: plan.item.code, addons };
}

/** What was waiting for the period's end: a smaller plan, fewer add-on units. */
async function applyPendingChanges(tx: Tx, ctx: PartnerCtx, row: Workspace, now: Date): Promise<Workspace> {
  const pendingAddons = await tx
    .select()
    .from(workspaceAddons)
    .where(and(eq(workspaceAddons.workspaceId, row.id), isNotNull(workspaceAddons.pendingQuantity)));
  for (const addon of pendingAddons) {
    if (addon.pendingQuantity === 0) await tx.delete(workspaceAddons).where(and(eq(workspaceAddons.workspaceId, row.id), eq(workspaceAddons.addonId, addon.addonId)));
    else
      await tx
        .update(workspaceAddons)
        .set({
          quantity: addon.pendingQuantity!,
          pendingQuantity: null,
          updatedAt: now,
        })
        .where(and(eq(workspaceAddons.workspaceId, row.id), eq(workspaceAddons.addonId, addon.addonId)));
    await recordAudit(tx, ctx, {
      partnerId: ctx.partnerId,
      action: 'workspace.addon_removed',
      targetType: 'workspace',
      targetId: row.id,
      before: { addon_id: addon.addonId, quantity: addon.quantity },
      after: { addon_id: addon.addonId, quantity: addon.pendingQuantity },
    });
  }
  if (!row.pendingPlanId) return row;
  const [after] = await tx.update(workspaces).set({ planId: row.pendingPlanId, pendingPlanId: null, updatedAt: now }).where(eq(workspaces.id, row.id)).returning();
  await emitEvent(tx, ctx.partnerId, 'workspace.plan_changed', {
    ...workspacePayload(after!),
    ...(await workspaceEventFacts(tx, after!)),
    from_plan_id: row.planId,
    to_plan_id: row.pendingPlanId,
    direction: 'downgrade',
    cause: 'period_end',
    charge: null,
  });
  await recordAudit(tx, ctx, {
    partnerId: ctx.partnerId,
    action: 'workspace.downgraded',
    targetType: 'workspace',
    targetId: row.id,
    before: { plan_id: row.planId },
    after: { plan_id: row.pendingPlanId },
  });
  return after!;
}

async function renewed(tx: Tx, ctx: PartnerCtx, row: Workspace, next: WorkspacePeriod, now: Date, charge: { retail: bigint; wholesale: bigint; charge_id: string | null }) {
  let [after] = (await tx.update(workspaces).set({ periodStart: next.start, periodEnd: next.end, updatedAt: now }).where(eq(workspaces.id, row.id)).returning()) as [Workspace];
  await emitEvent(tx, ctx.partnerId, 'workspace.renewed', {
    ...workspacePayload(after),
    ...(await workspaceEventFacts(tx, after)),
    period: next.key,
    charge_id: charge.charge_id,
    retail: Number(charge.retail),
    wholesale: Number(charge.wholesale),
  });
  await recordAudit(tx, ctx, {
    partnerId: ctx.partnerId,
    action: 'workspace.renewed',
    targetType: 'workspace',
    targetId: row.id,
    before: { period_end: row.periodEnd.toISOString() },
    after: {
      period: next.key,
      period_end: next.end.toISOString(),
      retail: String(charge.retail),
      charge_id: charge.charge_id,
    },
  });
  if (after.status === 'paused' && after.pauseCode === 'renewal_unpaid') after = await resumeWorkspaceRow(tx, ctx, after, 'renewal_paid', now);
  await applyLimits(tx, ctx, after, now);
}

/** Auto-renew off, `dropDays` past the period's end: the workspace continues on the free plan, without add-ons. */
async function dropToFree(tx: Tx, ctx: PartnerCtx, row: Workspace, now: Date): Promise<RenewalOutcome> {
  const free = await freePlan(tx);
  const next = periodStartingAt(now, row.billingPeriod);
  if (!free || free.id === row.planId) {
    // Already free (or nothing to fall to): the period simply moves on, charging nothing.
    await tx
      .update(workspaces)
      .set({
        periodStart: next.start,
        periodEnd: next.end,
        pendingPlanId: null,
        updatedAt: now,
      })
      .where(eq(workspaces.id, row.id));
    return 'skipped';
  }
  await tx.delete(workspaceAddons).where(eq(workspaceAddons.workspaceId, row.id));
  let [after] = (await tx
    .update(workspaces)
    .set({
      planId: free.id,
      pendingPlanId: null,
      periodStart: next.start,
      periodEnd: next.end,
      updatedAt: now,
    })
    .where(eq(workspaces.id, row.id))
    .returning()) as [Workspace];
  await emitEvent(tx, ctx.partnerId, 'workspace.plan_changed', {
    ...workspacePayload(after),
    ...(await workspaceEventFacts(tx, after)),
    from_plan_id: row.planId,
    to_plan_id: free.id,
    direction: 'downgrade',
    cause: 'not_renewed',
    charge: null,
  });
  await recordAudit(tx, ctx, {
    partnerId: ctx.partnerId,
    action: 'workspace.dropped_to_free',
    targetType: 'workspace',
    targetId: row.id,
    before: { plan_id: row.planId, period_end: row.periodEnd.toISOString() },
    after: { plan_id: free.id, period: next.key },
  });
  if (after.status === 'paused' && after.pauseCode === 'renewal_unpaid') after = await resumeWorkspaceRow(tx, ctx, after, 'dropped_to_free', now);
  await applyLimits(tx, ctx, after, now);
  return 'dropped';
}
