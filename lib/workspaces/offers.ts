import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Queryable } from '@/db';
import { partnerPlanOffers, type BillingPeriod, type Plan, type PlanAddon } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError, notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { formatInr } from '@/lib/ledger/format';
import { sqlRows } from '@/lib/ledger/sql-rows';
import { discounted, pricedPartnerCte } from '@/lib/prices/price-book';
import { addonById, allAddons, allPlans, planById } from './catalogue';

/** An item's three prices for one billing period, in paise. */
export type PeriodPrice = { list: bigint; wholesale: bigint; retail: bigint };
export type ItemPrices = { monthly: PeriodPrice; yearly: PeriodPrice };
export type OfferedItem<T> = {
  item: T;
  offered: boolean;
  retailSet: { monthly: boolean; yearly: boolean };
  prices: ItemPrices;
  discountBps: number;
};

/** Whose offers and tier price a partner's workspaces: its own, or for a sandbox its live partner's. */
async function pricedOf(q: Queryable, partnerId: string) {
  const [row] = await sqlRows<{ id: string; discount_bps: number | null }>(q, sql`with ${pricedPartnerCte(partnerId)} select priced.id, (select discount_bps from tier_discounts where tier = priced.tier) as discount_bps from priced`);
  if (!row) throw notFound('Partner');
  return { id: row.id, discountBps: row.discount_bps ?? 0 };
}

type OfferRow = typeof partnerPlanOffers.$inferSelect;

function offered<T extends Plan | PlanAddon>(item: T, discountBps: number, offer: OfferRow | undefined): OfferedItem<T> {
  const price = (list: bigint, retail: bigint | null | undefined): PeriodPrice => ({
    list,
    wholesale: discounted(list, discountBps),
    retail: retail ?? list,
  });
  const free = 'isFree' in item && item.isFree;
  return {
    item,
    // The free plan is always offered: it is where a workspace goes when it is not renewed.
    offered: free || Boolean(offer?.offered && item.active),
    retailSet: {
      monthly: offer?.monthlyRetail != null,
      yearly: offer?.yearlyRetail != null,
    },
    prices: {
      monthly: price(item.monthlyList, free ? 0n : offer?.monthlyRetail),
      yearly: price(item.yearlyList, free ? 0n : offer?.yearlyRetail),
    },
    discountBps,
  };
}

/** Every plan and add-on with this partner's wholesale (list less its tier's discount) and retail prices. */
export async function offersFor(q: Queryable, partnerId: string) {
  const priced = await pricedOf(q, partnerId);
  const [planRows, addonRows, offers] = await Promise.all([allPlans(q), allAddons(q), q.select().from(partnerPlanOffers).where(eq(partnerPlanOffers.partnerId, priced.id))]);
  const offerOf = new Map(offers.map((row) => [row.itemId, row]));
  return {
    plans: planRows.map((plan) => offered(plan, priced.discountBps, offerOf.get(plan.id))),
    addons: addonRows.map((addon) => offered(addon, priced.discountBps, offerOf.get(addon.id))),
  };
}

/** One plan's prices for a partner; an item it does not offer is refused unless `evenIfNotOffered` (renewals of what a client already has). */
/** A plan or add-on named in a request: unknown is a field error, not a missing resource. */
async function named<T>(find: () => Promise<T>, field: string, what: string): Promise<T> {
  try {
    return await find();
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found')
      throw new AppError('validation_failed', `No ${what} has this code.`, {
        [field]: `No ${what} has this code.`,
      });
    throw error;
  }
}

export async function planOffer(q: Queryable, partnerId: string, planId: string, evenIfNotOffered = false): Promise<OfferedItem<Plan>> {
  const plan = await named(() => planById(q, planId), 'planId', 'plan');
  const priced = await pricedOf(q, partnerId);
  const [offer] = await q
    .select()
    .from(partnerPlanOffers)
    .where(sql`${partnerPlanOffers.partnerId} = ${priced.id} and ${partnerPlanOffers.itemId} = ${plan.id}`);
  const result = offered(plan, priced.discountBps, offer);
  if (!result.offered && !evenIfNotOffered) throw new AppError('validation_failed', `You do not offer the plan “${plan.name}”.`, { planId: `You do not offer the plan “${plan.name}”.` });
  return result;
}

export async function addonOffer(q: Queryable, partnerId: string, addonId: string, evenIfNotOffered = false): Promise<OfferedItem<PlanAddon>> {
  const addon = await named(() => addonById(q, addonId), 'addonId', 'add-on');
  const priced = await pricedOf(q, partnerId);
  const [offer] = await q
    .select()
    .from(partnerPlanOffers)
    .where(sql`${partnerPlanOffers.partnerId} = ${priced.id} and ${partnerPlanOffers.itemId} = ${addon.id}`);
  const result = offered(addon, priced.discountBps, offer);
  if (!result.offered && !evenIfNotOffered) throw new AppError('validation_failed', `You do not offer the add-on “${addon.name}”.`, { addonId: `You do not offer the add-on “${addon.name}”.` });
  return result;
}

export const priceFor = (prices: ItemPrices, period: BillingPeriod) => prices[period];

/** The partner's plans and add-ons with its prices: what its console's Plans page and `GET /plans` show. */
export async function listOffers(ctx: PartnerCtx) {
  requirePartnerRole(ctx, 'member');
  return offersFor(getDb(), ctx.partnerId);
}

const retail = z.union([z.literal('').transform(() => null), z.null(), z.coerce.bigint('Give the retail price in paise, as a whole number.').refine((value) => value >= 0n, 'A retail price cannot be negative.')]);

export const setOfferSchema = z.object({
  itemId: z.string().trim().min(1, 'Choose a plan or an add-on.'),
  offered: z.union([z.boolean(), z.literal('on').transform(() => true), z.literal('true').transform(() => true), z.literal('false').transform(() => false), z.literal('').transform(() => false)]).default(false),
  /** Empty or null: the list price. */
  monthlyRetail: retail.default(null),
  yearlyRetail: retail.default(null),
  confirmBelowWholesale: z.union([z.boolean(), z.literal('on').transform(() => true), z.literal('true').transform(() => true), z.literal('').transform(() => false)]).default(false),
});

/** Offers (or withdraws) a plan or an add-on and sets its retail prices. Existing workspaces keep renewing at the new price. */
export async function setOffer(ctx: PartnerCtx, input: Untrusted<z.input<typeof setOfferSchema>>) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(setOfferSchema, input);
  return getDb().transaction(async (tx) => {
    const priced = await pricedOf(tx, ctx.partnerId);
    if (priced.id !== ctx.partnerId) throw new AppError('forbidden', 'Plans are offered in live mode: test mode uses the live offers and cannot change them.');
    const item = data.itemId.startsWith('pad_') ? await addonById(tx, data.itemId) : await planById(tx, data.itemId);
    if ('isFree' in item && item.isFree && (data.monthlyRetail || data.yearlyRetail))
      throw new AppError('validation_failed', 'The free plan costs nothing.', {
        monthlyRetail: 'The free plan costs nothing.',
      });
    for (const [field, amount, list] of [
      ['monthlyRetail', data.monthlyRetail, item.monthlyList],
      ['yearlyRetail', data.yearlyRetail, item.yearlyList],
    ] as const) {
      const wholesale = discounted(list, priced.discountBps);
      if (amount !== null && amount < wholesale && !data.confirmBelowWholesale) {
        const message = `${formatInr(amount)} is below your wholesale price of ${formatInr(wholesale)}: every sale would lose ${formatInr(wholesale - amount)}. Confirm to set it anyway.`;
        throw new AppError('retail_below_wholesale', message, {
          [field]: message,
          confirmBelowWholesale: message,
        });
      }
    }
    const [before] = await tx
      .select()
      .from(partnerPlanOffers)
      .where(sql`${partnerPlanOffers.partnerId} = ${priced.id} and ${partnerPlanOffers.itemId} = ${item.id}`);
    const values = {
      offered: data.offered,
      monthlyRetail: data.monthlyRetail,
      yearlyRetail: data.yearlyRetail,
      updatedAt: new Date(),
    };
    await tx
      .insert(partnerPlanOffers)
      .values({ partnerId: priced.id, itemId: item.id, ...values })
      .onConflictDoUpdate({
        target: [partnerPlanOffers.partnerId, partnerPlanOffers.itemId],
        set: values,
      });
    const show = (
      row:
        | {
            offered: boolean;
            monthlyRetail: bigint | null;
            yearlyRetail: bigint | null;
          }
        | undefined,
    ) =>
      row
        ? {
            offered: row.offered,
            monthly_retail: row.monthlyRetail?.toString() ?? null,
            yearly_retail: row.yearlyRetail?.toString() ?? null,
          }
        : null;
    await recordAudit(tx, ctx, {
      partnerId: priced.id,
      action: 'plan_offer.set',
      targetType: item.id.startsWith('pad_') ? 'plan_addon' : 'plan',
      targetId: item.id,
      before: show(before),
      after: show(values),
    });
    return 'isFree' in item
      ? {
          kind: 'plan' as const,
          ...(await planOffer(tx, priced.id, item.id, true)),
        }
      : {
          kind: 'addon' as const,
          ...(await addonOffer(tx, priced.id, item.id, true)),
        };
  });
}

type OfferInput = Omit<z.input<typeof setOfferSchema>, 'itemId'>;

/** Offers a plan named by its id or code (the API names plans by code). */
export async function setPlanOffer(ctx: PartnerCtx, plan: string, input: Untrusted<OfferInput>) {
  const saved = await setOffer(ctx, { ...(input as object), itemId: (await planById(getDb(), plan)).id });
  if (saved.kind !== 'plan') throw notFound('Plan');
  return saved;
}

/** Offers an add-on named by its id or code. */
export async function setAddonOffer(ctx: PartnerCtx, addon: string, input: Untrusted<OfferInput>) {
  const saved = await setOffer(ctx, { ...(input as object), itemId: (await addonById(getDb(), addon)).id });
  if (saved.kind !== 'addon') throw notFound('Add-on');
  return saved;
}
