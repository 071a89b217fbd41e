import { inArray } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { planAddons, plans, workspaceBillingInfo, type PlanLimits, type Workspace } from '@/db/schema';
import { addonsOf, overLimits } from './workspace-state';

/**
 * Workspaces as the API and the console show them: plan, add-ons, limits against usage, status and its effects.
 * Plans and add-ons are named by code: they are the operator's shared catalogue, not anything a partner owns.
 */
export async function workspaceViews(q: Queryable, rows: Workspace[]) {
  if (!rows.length) return [];
  const planIds = [...new Set(rows.flatMap((row) => [row.planId, row.pendingPlanId].filter((id): id is string => Boolean(id))))];
  const [planRows, addonMap, billing] = await Promise.all([
    q.select().from(plans).where(inArray(plans.id, planIds)),
    addonsOf(
      q,
      rows.map((row) => row.id),
    ),
    q
      .select()
      .from(workspaceBillingInfo)
      .where(
        inArray(
          workspaceBillingInfo.workspaceId,
          rows.map((row) => row.id),
        ),
      ),
  ]);
  const addonIds = [...new Set([...addonMap.values()].flat().map((addon) => addon.addonId))];
  const adds = new Map((addonIds.length ? await q.select({ id: planAddons.id, adds: planAddons.adds }).from(planAddons).where(inArray(planAddons.id, addonIds)) : []).map((row) => [row.id, row.adds]));
  const planOf = new Map(planRows.map((plan) => [plan.id, plan]));
  const billingOf = new Map(billing.map((row) => [row.workspaceId, row]));
  return rows.map((row) => {
    const plan = planOf.get(row.planId)!;
    const pending = row.pendingPlanId ? planOf.get(row.pendingPlanId) : null;
    const addons = addonMap.get(row.id) ?? [];
    const limits: PlanLimits = { ...plan.limits };
    for (const addon of addons) for (const field of ['bot_users', 'members', 'bots'] as const) limits[field] += (adds.get(addon.addonId)?.[field] ?? 0) * addon.quantity;
    const info = billingOf.get(row.id);
    return {
      object: 'workspace' as const,
      id: row.id,
      client_id: row.clientId,
      name: row.name,
      plan: { code: plan.code, name: plan.name },
      pending_plan: pending
        ? {
            code: pending.code,
            name: pending.name,
            effective_at: row.periodEnd,
          }
        : null,
      addons: addons.map((addon) => ({
        code: addon.code,
        name: addon.name,
        quantity: addon.quantity,
        quantity_from_period_end: addon.pendingQuantity,
      })),
      billing_period: row.billingPeriod,
      current_period: { start: row.periodStart, end: row.periodEnd },
      auto_renew: row.autoRenew,
      status: row.status,
      pause_code: row.pauseCode,
      pause_reason: row.pauseReason,
      paused_at: row.pausedAt,
      effects: {
        entitled: row.entitled,
        invoicing: row.invoicing,
        collecting: row.collecting,
      },
      points: Number(row.points),
      limits,
      usage: row.usage,
      over_limits: overLimits(row.usage, limits),
      billing_info: info
        ? {
            legal_name: info.legalName,
            gstin: info.gstin,
            address_line1: info.addressLine1,
            address_line2: info.addressLine2,
            city: info.city,
            state: info.state,
            pincode: info.pincode,
            email: info.email,
          }
        : null,
      cancelled_at: row.cancelledAt,
      created_at: row.createdAt,
    };
  });
}

export type WorkspaceView = Awaited<ReturnType<typeof workspaceViews>>[number];
