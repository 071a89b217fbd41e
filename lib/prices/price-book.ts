import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Queryable } from '@/db';
import { listPrices, partners, partnerTier, retailPrices, tierDiscounts, wholesaleOverrides, type PartnerTier } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx, PartnerCtx } from '@/lib/audit/context';
import { requireOperator, requirePartnerRole } from '@/lib/auth/permissions';
import { AppError, notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { formatInr } from '@/lib/ledger/format';
import { sqlRows } from '@/lib/ledger/sql-rows';
import { productCodes, products, productSchema, type Product } from './products';

export type ProductPrice = { product: Product; name: string; per: string; list: bigint; discountBps: number; override: bigint | null; wholesale: bigint; retail: bigint; retailSet: boolean; margin: bigint };

/** List less the tier's discount, rounded half up to the paisa. */
export const discounted = (list: bigint, discountBps: number) => (list * BigInt(10_000 - discountBps) + 5_000n) / 10_000n;

/** A sandbox is priced as its live partner is: same tier, overrides and retail prices. */
async function pricedPartner(q: Queryable, partnerId: string) {
  const [row] = await q.select({ id: partners.id, parentId: partners.parentId, tier: partners.tier }).from(partners).where(eq(partners.id, partnerId)).limit(1);
  if (!row) throw notFound('Partner');
  if (!row.parentId) return { id: row.id, tier: row.tier };
  const [parent] = await q.select({ id: partners.id, tier: partners.tier }).from(partners).where(eq(partners.id, row.parentId)).limit(1);
  return parent!;
}

/** Every product's list, wholesale and retail price for one partner (or its sandbox). */
export async function pricesFor(q: Queryable, partnerId: string): Promise<ProductPrice[]> {
  const partner = await pricedPartner(q, partnerId);
  const [lists, [discount], overrides, retails] = await Promise.all([
    q.select().from(listPrices),
    q.select().from(tierDiscounts).where(eq(tierDiscounts.tier, partner.tier)),
    q.select().from(wholesaleOverrides).where(eq(wholesaleOverrides.partnerId, partner.id)),
    q.select().from(retailPrices).where(eq(retailPrices.partnerId, partner.id)),
  ]);
  const listOf = new Map(lists.map((row) => [row.product, row.amount]));
  const overrideOf = new Map(overrides.map((row) => [row.product, row.amount]));
  const retailOf = new Map(retails.map((row) => [row.product, row.amount]));
  const discountBps = discount?.discountBps ?? 0;
  return productCodes.map((product) => priceFrom(product, listOf.get(product), discountBps, overrideOf.get(product) ?? null, retailOf.get(product)));
}

function priceFrom(product: Product, listSet: bigint | undefined, discountBps: number, override: bigint | null, retailSet: bigint | undefined): ProductPrice {
  const list = listSet ?? products[product].defaultList;
  const wholesale = override ?? discounted(list, discountBps);
  const retail = retailSet ?? list;
  return { product, name: products[product].name, per: products[product].per, list, discountBps, override, wholesale, retail, retailSet: retailSet !== undefined, margin: retail - wholesale };
}

/** The partner a price is looked up for (a sandbox's live partner), as a CTE `priced(id, tier)`. */
export const pricedPartnerCte = (partnerId: string) => sql`priced as (
    select coalesce(parent.id, p.id) as id, coalesce(parent.tier, p.tier) as tier
    from partners p left join partners parent on parent.id = p.parent_id where p.id = ${partnerId}
  )`;

/** One product's price columns, read from `priced`; priceFromRow turns them into its prices. */
export const priceColumnsSql = (product: Product) => sql`(select amount::text from list_prices where product = ${product}) as list,
    (select discount_bps from tier_discounts where tier = priced.tier) as discount_bps,
    (select amount::text from wholesale_overrides where partner_id = priced.id and product = ${product}) as override,
    (select amount::text from retail_prices where partner_id = priced.id and product = ${product}) as retail`;

export type PriceRow = { list: string | null; discount_bps: number | null; override: string | null; retail: string | null };

export function priceFromRow(product: Product, row: PriceRow): ProductPrice {
  const big = (value: string | null) => (value === null ? undefined : BigInt(value));
  return priceFrom(product, big(row.list), row.discount_bps ?? 0, big(row.override) ?? null, big(row.retail));
}

/** One product's prices, in one query (charges look one up each time, so it is on their hot path). */
export async function priceOf(q: Queryable, partnerId: string, product: Product): Promise<ProductPrice> {
  const [row] = await sqlRows<PriceRow>(q, sql`with ${pricedPartnerCte(partnerId)} select ${priceColumnsSql(product)} from priced`);
  if (!row) throw notFound('Partner');
  return priceFromRow(product, row);
}

/** The partner's own view: wholesale and retail side by side. */
export async function listPartnerPrices(ctx: PartnerCtx) {
  requirePartnerRole(ctx, 'member');
  return pricesFor(getDb(), ctx.partnerId);
}

// ——— the operator's price book ———

export async function getPriceBook(ctx: Ctx) {
  requireOperator(ctx);
  const db = getDb();
  const [lists, discounts] = await Promise.all([db.select().from(listPrices), db.select().from(tierDiscounts)]);
  const listOf = new Map(lists.map((row) => [row.product, row.amount]));
  const discountOf = new Map(discounts.map((row) => [row.tier, row.discountBps]));
  return {
    products: productCodes.map((product) => ({ product, name: products[product].name, per: products[product].per, list: listOf.get(product) ?? products[product].defaultList })),
    tiers: partnerTier.enumValues.map((tier) => ({ tier, discountBps: discountOf.get(tier) ?? 0 })),
  };
}

const paise = (label: string) => z.coerce.bigint(`Give ${label} in paise, as a whole number.`).refine((value) => value >= 0n, `${label[0]!.toUpperCase()}${label.slice(1)} cannot be negative.`);

export const setListPriceSchema = z.object({ product: productSchema, amount: paise('the list price') });

export async function setListPrice(ctx: Ctx, input: Untrusted<z.input<typeof setListPriceSchema>>) {
  requireOperator(ctx);
  const data = parseInput(setListPriceSchema, input);
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(listPrices).where(eq(listPrices.product, data.product));
    await tx.insert(listPrices).values({ product: data.product, amount: data.amount }).onConflictDoUpdate({ target: listPrices.product, set: { amount: data.amount, updatedAt: new Date() } });
    await recordAudit(tx, ctx, { action: 'price.list_set', targetType: 'product', targetId: data.product, before: { amount: String(before?.amount ?? products[data.product].defaultList) }, after: { amount: String(data.amount) } });
    return data;
  });
}

export const setTierDiscountSchema = z.object({
  tier: z.enum(partnerTier.enumValues, 'Choose a tier.'),
  percent: z.coerce.number('Give the discount as a percentage.').min(0, 'A discount cannot be negative.').max(100, 'A discount cannot exceed 100 %.').refine((value) => Number.isInteger(value * 100), 'Use at most two decimals.'),
});

export async function setTierDiscount(ctx: Ctx, input: Untrusted<z.input<typeof setTierDiscountSchema>>) {
  requireOperator(ctx);
  const data = parseInput(setTierDiscountSchema, input);
  const discountBps = Math.round(data.percent * 100);
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(tierDiscounts).where(eq(tierDiscounts.tier, data.tier));
    await tx.insert(tierDiscounts).values({ tier: data.tier, discountBps }).onConflictDoUpdate({ target: tierDiscounts.tier, set: { discountBps, updatedAt: new Date() } });
    await recordAudit(tx, ctx, { action: 'price.tier_discount_set', targetType: 'tier', targetId: data.tier, before: { discount_bps: before?.discountBps ?? null }, after: { discount_bps: discountBps } });
    return { tier: data.tier as PartnerTier, discountBps };
  });
}

export const setWholesaleOverrideSchema = z.object({
  partnerId: z.string().min(1),
  product: productSchema,
  /** Empty removes the override: the partner pays list less its tier's discount again. */
  amount: z.union([z.literal('').transform(() => null), z.null(), paise('the wholesale price')]),
});

export async function setWholesaleOverride(ctx: Ctx, input: Untrusted<z.input<typeof setWholesaleOverrideSchema>>) {
  requireOperator(ctx);
  const data = parseInput(setWholesaleOverrideSchema, input);
  return getDb().transaction(async (tx) => {
    await pricedPartner(tx, data.partnerId);
    const where = and(eq(wholesaleOverrides.partnerId, data.partnerId), eq(wholesaleOverrides.product, data.product));
    const [before] = await tx.select().from(wholesaleOverrides).where(where);
    if (data.amount === null) await tx.delete(wholesaleOverrides).where(where);
    else await tx.insert(wholesaleOverrides).values({ partnerId: data.partnerId, product: data.product, amount: data.amount }).onConflictDoUpdate({ target: [wholesaleOverrides.partnerId, wholesaleOverrides.product], set: { amount: data.amount, updatedAt: new Date() } });
    await recordAudit(tx, ctx, { partnerId: data.partnerId, action: 'price.wholesale_override_set', targetType: 'product', targetId: data.product, before: { amount: before ? String(before.amount) : null }, after: { amount: data.amount === null ? null : String(data.amount) } });
    return priceOf(tx, data.partnerId, data.product);
  });
}

// ——— the partner's retail prices ———

export const setRetailPriceSchema = z.object({
  product: productSchema,
  amount: paise('the retail price'),
  /** A retail price below wholesale loses money on every sale: it must be asked for explicitly. */
  confirmBelowWholesale: z.union([z.boolean(), z.literal('on').transform(() => true), z.literal('true').transform(() => true), z.literal('').transform(() => false)]).default(false),
});

export async function setRetailPrice(ctx: PartnerCtx, input: Untrusted<z.input<typeof setRetailPriceSchema>>) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(setRetailPriceSchema, input);
  return getDb().transaction(async (tx) => {
    const partner = await pricedPartner(tx, ctx.partnerId);
    // A sandbox is priced like its live partner, so a change made in test mode would reach live charges.
    if (partner.id !== ctx.partnerId) throw new AppError('forbidden', 'Retail prices are set in live mode: test mode uses the live prices and cannot change them.');
    const current = await priceOf(tx, partner.id, data.product);
    if (data.amount < current.wholesale && !data.confirmBelowWholesale) {
      const message = `${formatInr(data.amount)} is below your wholesale price of ${formatInr(current.wholesale)}: every sale would lose ${formatInr(current.wholesale - data.amount)}. Confirm to set it anyway.`;
      throw new AppError('retail_below_wholesale', message, { confirmBelowWholesale: message });
    }
    await tx.insert(retailPrices).values({ partnerId: partner.id, product: data.product, amount: data.amount }).onConflictDoUpdate({ target: [retailPrices.partnerId, retailPrices.product], set: { amount: data.amount, updatedAt: new Date() } });
    await recordAudit(tx, ctx, { partnerId: partner.id, action: 'price.retail_set', targetType: 'product', targetId: data.product, before: { amount: String(current.retail) }, after: { amount: String(data.amount), below_wholesale: data.amount < current.wholesale } });
    return priceOf(tx, partner.id, data.product);
  });
}
