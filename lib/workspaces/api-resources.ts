import type { Plan, PlanAddon, WorkspaceCharge } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import type { ItemPrices, OfferedItem } from './offers';

/** Domain values → API resources (amounts as JSON integers of paise). */
const pricesOf = (prices: ItemPrices) => {
  const one = (p: ItemPrices['monthly']) => ({
    list: Number(p.list),
    wholesale: Number(p.wholesale),
    retail: Number(p.retail),
  });
  return { monthly: one(prices.monthly), yearly: one(prices.yearly) };
};

export const toPlanResource = ({ item, offered, prices }: OfferedItem<Plan>) => ({
  object: 'plan' as const,
  code: item.code,
  name: item.name,
  description: item.description,
  rank: item.rank,
  is_free: item.isFree,
  limits: item.limits,
  offered,
  prices: pricesOf(prices),
});

export const toPlanAddonResource = ({ item, offered, prices }: OfferedItem<PlanAddon>) => ({
  object: 'plan_addon' as const,
  code: item.code,
  name: item.name,
  description: item.description,
  adds: item.adds,
  offered,
  prices: pricesOf(prices),
});

export const toWorkspaceChargeResource = (row: WorkspaceCharge) => ({
  object: 'workspace_charge' as const,
  id: row.id,
  workspace_id: row.workspaceId,
  kind: row.kind,
  period: row.period,
  period_start: row.periodStart,
  period_end: row.periodEnd,
  charge_id: row.setId,
  retail: Number(row.retail),
  wholesale: Number(row.wholesale),
  details: row.details as Record<string, unknown>,
  created_at: row.createdAt,
});

const apiNames: Record<string, string> = {
  planId: 'plan',
  addonId: 'addon',
  itemId: 'plan',
};
const snake = (name: string) => apiNames[name] ?? name.replace(/[A-Z0-9]+/g, (part) => `_${part.toLowerCase()}`);

/** Runs a domain call for the API, naming its field errors as the API's body names them (`plan`, `billing_period`). */
export async function withApiFieldNames<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.fieldErrors) {
      const fields = Object.fromEntries(Object.entries(error.fieldErrors).map(([name, message]) => [snake(name), message]));
      throw new AppError(error.code, error.message, fields, error.headers, error.extensions);
    }
    throw error;
  }
}
