import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { workspaceAddons, workspaces, type Workspace } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { conflict } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { daysLeft, daysOf, prorate, prorationOf } from './billing-periods';
import { chargeWorkspace, workspaceProducts } from './charge-workspace';
import { addonOffer, planOffer } from './offers';
import { applyLimits, workspaceOf, workspaceEventFacts, workspacePayload } from './workspace-state';
import { getWorkspace } from './manage-workspaces';

export const changePlanSchema = z.object({
  planId: z.string().trim().min(1, 'Choose a plan.'),
});

const periodOfRow = (row: Workspace) => ({
  key: periodKeyOf(row.periodStart),
  start: row.periodStart,
  end: row.periodEnd,
});
/** The IST month key a period starts in (a period always starts at 00:00 IST on a 1st). */
const periodKeyOf = (start: Date) => new Date(start.getTime() + 330 * 60_000).toISOString().slice(0, 7);

function assertOpen(row: Workspace) {
  if (row.status === 'cancelled') throw conflict('This workspace is cancelled.');
}

/**
 * Changes a workspace's plan. A larger plan (higher rank) applies at once: the client pays the new plan for the
 * IST days left of the period less a credit for the unused part of the old one (wholesale the same way), as
 * one linked charge. A smaller plan applies at the period's end; choosing the current plan again withdraws a
 * change waiting for it.
 */
export async function changePlan(ctx: PartnerCtx, workspaceId: string, input: Untrusted<z.input<typeof changePlanSchema>>, now = new Date()) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(changePlanSchema, input);
  const outcome = await getDb().transaction(async (tx) => {
    const row = await workspaceOf(tx, ctx.partnerId, workspaceId, true);
    assertOpen(row);
    const wanted = (await planOffer(tx, ctx.partnerId, data.planId, true)).item;
    if (wanted.id === row.planId) {
      if (!row.pendingPlanId) throw conflict('The workspace is on this plan already.', 'planId');
      await tx.update(workspaces).set({ pendingPlanId: null, updatedAt: now }).where(eq(workspaces.id, row.id));
      await recordAudit(tx, ctx, {
        partnerId: ctx.partnerId,
        action: 'workspace.plan_change_withdrawn',
        targetType: 'workspace',
        targetId: row.id,
        before: { pending_plan_id: row.pendingPlanId },
        after: { pending_plan_id: null },
      });
      return { effective: 'withdrawn' as const };
    }
    const [from, to] = [await planOffer(tx, ctx.partnerId, row.planId, true), await planOffer(tx, ctx.partnerId, wanted.id)];
    if (to.item.rank <= from.item.rank) {
      await tx.update(workspaces).set({ pendingPlanId: to.item.id, updatedAt: now }).where(eq(workspaces.id, row.id));
      await recordAudit(tx, ctx, {
        partnerId: ctx.partnerId,
        action: 'workspace.downgrade_scheduled',
        targetType: 'workspace',
        targetId: row.id,
        before: { plan_id: row.planId },
        after: {
          pending_plan_id: to.item.id,
          effective_at: row.periodEnd.toISOString(),
        },
      });
      return { effective: 'period_end' as const };
    }
    await upgradeNow(tx, ctx, row, from, to, now);
    return { effective: 'now' as const };
  });
  return { ...outcome, workspace: await getWorkspace(ctx, workspaceId) };
}

async function upgradeNow(tx: Tx, ctx: PartnerCtx, row: Workspace, from: Awaited<ReturnType<typeof planOffer>>, to: Awaited<ReturnType<typeof planOffer>>, now: Date) {
  const period = periodOfRow(row);
  const [left, total] = [daysLeft(period, now), daysOf(period)];
  const [oldPrice, newPrice] = [from.prices[row.billingPeriod], to.prices[row.billingPeriod]];
  const retail = prorationOf(oldPrice.retail, newPrice.retail, left, total);
  const wholesale = prorationOf(oldPrice.wholesale, newPrice.wholesale, left, total);
  const proration = {
    days_left: left,
    days_in_period: total,
    credit_retail: String(retail.credit),
    charge_retail: String(retail.charge),
    credit_wholesale: String(wholesale.credit),
    charge_wholesale: String(wholesale.charge),
  };
  const charged = await chargeWorkspace(tx, ctx, {
    workspace: row,
    kind: 'upgrade',
    period,
    retail: retail.due,
    wholesale: wholesale.due,
    // Tied to the workspace's state: the same upgrade cannot be charged twice, a later one is a new charge.
    idempotencyKey: `workspace-upgrade:${row.id}:${from.item.id}:${to.item.id}:${row.updatedAt.getTime()}`,
    memo: `Upgrade ${from.item.name} → ${to.item.name}, ${left} of ${total} days of ${period.key}`,
    details: {
      from_plan_id: from.item.id,
      to_plan_id: to.item.id,
      plan_id: to.item.id,
      plan_code: to.item.code,
      billing_period: row.billingPeriod,
      proration,
    },
  });
  const [after] = await tx.update(workspaces).set({ planId: to.item.id, pendingPlanId: null, updatedAt: now }).where(eq(workspaces.id, row.id)).returning();
  const charge = {
    charge_id: charged.charge?.setId ?? null,
    retail: Number(retail.due),
    wholesale: Number(wholesale.due),
    commission: Number(charged.commission),
    ...proration,
  };
  await emitEvent(tx, ctx.partnerId, 'workspace.plan_changed', {
    ...workspacePayload(after!),
    ...(await workspaceEventFacts(tx, after!)),
    from_plan_id: from.item.id,
    to_plan_id: to.item.id,
    direction: 'upgrade',
    cause: 'partner',
    charge,
  });
  await emitEvent(tx, ctx.partnerId, 'client.upgraded', {
    client_id: row.clientId,
    workspace_id: row.id,
    from_plan: from.item.code,
    to_plan: to.item.code,
    amount: Number(retail.due),
  });
  await recordAudit(tx, ctx, {
    partnerId: ctx.partnerId,
    action: 'workspace.upgraded',
    targetType: 'workspace',
    targetId: row.id,
    before: { plan_id: from.item.id },
    after: { plan_id: to.item.id, ...charge },
  });
  await applyLimits(tx, ctx, after!, now);
}

export const addonChangeSchema = z.object({
  addonId: z.string().trim().min(1, 'Choose an add-on.'),
  quantity: z.coerce.number('Give a whole number of units.').int('Give a whole number of units.').min(1, 'Give at least 1.').max(10_000, 'That is more units than a workspace may have.').default(1),
});

/**
 * Adds units of an add-on at once, charging them for the IST days left of the period (and withdrawing a
 * removal waiting for the period's end).
 */
export async function addAddon(ctx: PartnerCtx, workspaceId: string, input: Untrusted<z.input<typeof addonChangeSchema>>, now = new Date()) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(addonChangeSchema, input);
  await getDb().transaction(async (tx) => {
    const row = await workspaceOf(tx, ctx.partnerId, workspaceId, true);
    assertOpen(row);
    const offer = await addonOffer(tx, ctx.partnerId, data.addonId);
    const [current] = await tx
      .select()
      .from(workspaceAddons)
      .where(and(eq(workspaceAddons.workspaceId, row.id), eq(workspaceAddons.addonId, offer.item.id)))
      .for('update');
    const quantity = (current?.quantity ?? 0) + data.quantity;
    const period = periodOfRow(row);
    const [left, total] = [daysLeft(period, now), daysOf(period)];
    const price = offer.prices[row.billingPeriod];
    const units = BigInt(data.quantity);
    const charged = await chargeWorkspace(tx, ctx, {
      workspace: row,
      kind: 'addon',
      product: workspaceProducts.addon,
      period,
      retail: prorate(price.retail * units, left, total),
      wholesale: prorate(price.wholesale * units, left, total),
      idempotencyKey: `workspace-addon:${row.id}:${offer.item.id}:${current?.updatedAt.getTime() ?? 0}:${quantity}`,
      memo: `${data.quantity} × ${offer.item.name}, ${left} of ${total} days of ${period.key}`,
      details: {
        addon_id: offer.item.id,
        addon_code: offer.item.code,
        units: data.quantity,
        billing_period: row.billingPeriod,
        days_left: left,
        days_in_period: total,
        unit_retail: String(price.retail),
        unit_wholesale: String(price.wholesale),
      },
    });
    await tx
      .insert(workspaceAddons)
      .values({
        workspaceId: row.id,
        addonId: offer.item.id,
        quantity,
        pendingQuantity: null,
      })
      .onConflictDoUpdate({
        target: [workspaceAddons.workspaceId, workspaceAddons.addonId],
        set: { quantity, pendingQuantity: null, updatedAt: now },
      });
    await recordAudit(tx, ctx, {
      partnerId: ctx.partnerId,
      action: 'workspace.addon_added',
      targetType: 'workspace',
      targetId: row.id,
      before: { addon: offer.item.code, quantity: current?.quantity ?? 0 },
      after: {
        addon: offer.item.code,
        quantity,
        charge_id: charged.charge?.setId ?? null,
        retail: String(charged.charge?.retail ?? 0n),
      },
    });
    const [after] = await tx.update(workspaces).set({ updatedAt: now }).where(eq(workspaces.id, row.id)).returning();
    await applyLimits(tx, ctx, after!, now);
  });
  return getWorkspace(ctx, workspaceId);
}

export const addonRemoveSchema = z.object({
  addonId: z.string().trim().min(1, 'Choose an add-on.'),
  /** Units to remove; all of them when not given. */
  quantity: z.coerce.number('Give a whole number of units.').int('Give a whole number of units.').min(1, 'Give at least 1.').max(10_000).optional(),
});

/** Removes units of an add-on at the period's end (they were paid for until then). */
export async function removeAddon(ctx: PartnerCtx, workspaceId: string, input: Untrusted<z.input<typeof addonRemoveSchema>>, now = new Date()) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(addonRemoveSchema, input);
  await getDb().transaction(async (tx) => {
    const row = await workspaceOf(tx, ctx.partnerId, workspaceId, true);
    assertOpen(row);
    const addon = (await addonOffer(tx, ctx.partnerId, data.addonId, true)).item;
    const [current] = await tx
      .select()
      .from(workspaceAddons)
      .where(and(eq(workspaceAddons.workspaceId, row.id), eq(workspaceAddons.addonId, addon.id)))
      .for('update');
    const kept = current?.pendingQuantity ?? current?.quantity ?? 0;
    if (!current || kept === 0) throw conflict('The workspace has none of this add-on (left after the period ends).', 'addonId');
    const pendingQuantity = Math.max(0, kept - (data.quantity ?? kept));
    await tx
      .update(workspaceAddons)
      .set({ pendingQuantity, updatedAt: now })
      .where(and(eq(workspaceAddons.workspaceId, row.id), eq(workspaceAddons.addonId, addon.id)));
    await recordAudit(tx, ctx, {
      partnerId: ctx.partnerId,
      action: 'workspace.addon_removal_scheduled',
      targetType: 'workspace',
      targetId: row.id,
      before: { addon: addon.code, quantity: current.quantity },
      after: {
        addon: addon.code,
        quantity_from_period_end: pendingQuantity,
        effective_at: row.periodEnd.toISOString(),
      },
    });
  });
  return getWorkspace(ctx, workspaceId);
}
