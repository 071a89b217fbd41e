import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { updatedAt } from './columns';
import { partners, partnerTier } from './partners';

/** The operator's list price per product (codes in lib/prices/products.ts), in the product's minor unit. */
export const listPrices = pgTable(
  'list_prices',
  {
    product: text('product').primaryKey(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [check('list_prices_nonnegative', sql`${t.amount} >= 0`)],
);

/** The discount each tier gets off list price, in basis points (2000 = 20 %). */
export const tierDiscounts = pgTable(
  'tier_discounts',
  {
    tier: partnerTier('tier').primaryKey(),
    discountBps: integer('discount_bps').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [check('tier_discounts_range', sql`${t.discountBps} between 0 and 10000`)],
);

/** A price per (partner, product) in paise, never negative: the shape of both tables below. */
const partnerProductPrices = (name: string) =>
  pgTable(
    name,
    {
      partnerId: text('partner_id')
        .notNull()
        .references(() => partners.id, { onDelete: 'cascade' }),
      product: text('product').notNull(),
      amount: bigint('amount', { mode: 'bigint' }).notNull(),
      updatedAt: updatedAt(),
    },
    (t) => [primaryKey({ columns: [t.partnerId, t.product] }), check(`${name}_nonnegative`, sql`${t.amount} >= 0`)],
  );

/** A wholesale price the operator set for one partner and product, instead of list less the tier discount. */
export const wholesaleOverrides = partnerProductPrices('wholesale_overrides');

/** What a partner charges its clients per product; without a row, the list price. */
export const retailPrices = partnerProductPrices('retail_prices');
