import { and, eq, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { numberHolds, numbers } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { pricesFor } from '@/lib/prices/price-book';
import { inventoryCarrierFor } from '@/lib/providers/carrier';
import type { PatternMode } from '@/lib/providers/carrier/carrier-provider';
import { circleByCode, circleById, indiaCircles } from '@/lib/providers/carrier/india-circles';
import { environmentOf } from './environment';
import { formatNumber, numberProducts, numberTypeSchema } from './number-types';
import { stockInventory } from './stock-inventory';

export const patternModes = ['starts_with', 'contains', 'ends_with'] as const satisfies readonly PatternMode[];
export const patternModeLabels: Record<PatternMode, string> = { starts_with: 'Starts with', contains: 'Contains', ends_with: 'Ends with' };

/** Only India is sold so far; the country list grows with the carriers' coverage. */
export const numberCountries = [{ code: 'IN', name: 'India', dialCode: '+91' }] as const;

/** A region by its code (`DL`) or, as the IVR Solutions face sends it, its numeric id (`1`). */
const regionSchema = z
  .string()
  .trim()
  .toUpperCase()
  .transform((value, context) => {
    const circle = /^\d+$/.test(value) ? circleById.get(Number(value)) : circleByCode.get(value);
    if (!circle) {
      context.addIssue({ code: 'custom', message: 'Unknown region; GET /v1/numbers/regions lists them.' });
      return z.NEVER;
    }
    return circle.code;
  });

export const searchNumbersSchema = z.object({
  country: z.string().trim().toUpperCase().pipe(z.enum(['IN'], 'Numbers are available in India (IN) only.')).default('IN').meta({ example: 'IN' }),
  region: z.preprocess((v) => (v === '' ? undefined : v), regionSchema.optional()).meta({ description: 'A region code (an Indian telecom circle such as `DL`) or its numeric id.', example: 'DL' }),
  type: z.preprocess((v) => (v === '' ? undefined : v), numberTypeSchema.optional()).meta({ example: 'local' }),
  pattern: z
    .preprocess((v) => (typeof v === 'string' ? v.replace(/[\s-]/g, '').replace(/^\+91/, '') : v), z.string().regex(/^\d{0,12}$/, 'Give up to 12 digits.').optional())
    .transform((v) => v || undefined)
    .meta({ description: 'Digits to find in the national number (without +91).', example: '4310' }),
  mode: z.preprocess((v) => (v === '' ? undefined : v), z.enum(patternModes, 'Choose starts_with, contains or ends_with.').default('contains')).meta({ example: 'contains' }),
  limit: z.coerce.number('limit must be a number.').int().min(1, 'limit must be at least 1.').max(50, 'limit must be at most 50.').default(20),
});

export type NumberOffer = {
  id: string;
  number: string;
  display: string;
  country: string;
  region: string;
  regionName: string;
  type: z.infer<typeof numberTypeSchema>;
  /** At the partner's retail price, in paise. */
  setupPrice: bigint;
  monthlyPrice: bigint;
};

/** Gives lapsed holds' numbers back to the inventory (search and the worker both call it; it is cheap). */
export async function releaseLapsedHolds(now: Date = new Date()) {
  const db = getDb();
  await db
    .update(numberHolds)
    .set({ status: 'expired' })
    .where(and(eq(numberHolds.status, 'active'), lte(numberHolds.expiresAt, now)));
  const freed = await db
    .update(numbers)
    .set({ status: 'available', partnerId: null, clientId: null, holdExpiresAt: null })
    .where(and(eq(numbers.status, 'held'), lte(numbers.holdExpiresAt, now)))
    .returning({ id: numbers.id });
  return freed.length;
}

/**
 * The pattern as SQL. The digits were validated (0–9 only), so they are written into the statement as a
 * literal: a LIKE pattern known when the query is planned is what lets PostgreSQL walk the prefix, suffix and
 * trigram indexes (numbers_search_*_idx) instead of reading every available number. Pages are in number
 * order in the "C" collation, the order numbers_search_prefix_idx and numbers_search_region_idx keep, so a
 * search without a selective pattern walks one of them and stops at the page.
 */
const byDigits = sql`${numbers.digits} collate "C"`;

function patternClause(pattern: string | undefined, mode: PatternMode): { where?: SQL; orderBy: SQL } {
  if (!pattern) return { orderBy: byDigits };
  if (!/^\d+$/.test(pattern)) throw new Error('pattern must be digits');
  if (mode === 'starts_with') return { where: sql`${numbers.digits} like ${sql.raw(`'${pattern}%'`)}`, orderBy: byDigits };
  if (mode === 'ends_with') {
    const reversed = [...pattern].reverse().join('');
    return { where: sql`reverse(${numbers.digits}) like ${sql.raw(`'${reversed}%'`)}`, orderBy: sql`reverse(${numbers.digits})` };
  }
  // Trigrams need three characters: a shorter pattern matches most numbers, so walking the ordered index finds
  // a page at once; it is written in a form the trigram index cannot take, or the planner might read it whole.
  if (pattern.length < 3) return { where: sql`strpos(${numbers.digits}, ${sql.raw(`'${pattern}'`)}) > 0`, orderBy: byDigits };
  return { where: sql`${numbers.digits} like ${sql.raw(`'%${pattern}%'`)}`, orderBy: byDigits };
}

/**
 * The inventory query alone (the benchmark measures it): available numbers matching, in index order. Digits are
 * unique within an environment's country (the E.164 is the country code and them), so they order alone.
 */
export async function queryAvailable(environment: 'live' | 'sandbox', filters: { country: string; region?: string; type?: string; pattern?: string; mode: PatternMode; limit: number }) {
  const { where, orderBy } = patternClause(filters.pattern, filters.mode);
  return getDb()
    .select({ id: numbers.id, e164: numbers.e164, country: numbers.country, region: numbers.region, type: numbers.type })
    .from(numbers)
    .where(
      and(
        eq(numbers.environment, environment),
        eq(numbers.country, filters.country),
        eq(numbers.status, 'available'),
        filters.region ? eq(numbers.region, filters.region) : undefined,
        filters.type ? sql`${numbers.type} = ${filters.type}` : undefined,
        where,
      ),
    )
    .orderBy(orderBy)
    .limit(filters.limit);
}

/** Available numbers by country, region, type and pattern, with their setup and monthly price at retail. */
export async function searchNumbers(ctx: PartnerCtx, input: Untrusted<z.input<typeof searchNumbersSchema>>): Promise<NumberOffer[]> {
  requirePartnerRole(ctx, 'member');
  const filters = parseInput(searchNumbersSchema, input);
  const db = getDb();
  const environment = await environmentOf(db, ctx.partnerId);
  await stockInventory(environment, inventoryCarrierFor(environment), { ...filters });
  await releaseLapsedHolds();
  const [rows, prices] = await Promise.all([queryAvailable(environment, filters), pricesFor(db, ctx.partnerId)]);
  const retail = new Map(prices.map((p) => [p.product, p.retail]));
  return rows.map((row) => ({
    id: row.id,
    number: row.e164,
    display: formatNumber(row.e164),
    country: row.country,
    region: row.region,
    regionName: circleByCode.get(row.region)?.name ?? row.region,
    type: row.type,
    setupPrice: retail.get(numberProducts[row.type].setup) ?? 0n,
    monthlyPrice: retail.get(numberProducts[row.type].rental) ?? 0n,
  }));
}

/** The regions numbers can be searched in, with the numeric ids the IVR Solutions face uses. */
export function numberRegions(country = 'IN') {
  return country === 'IN' ? indiaCircles.map((circle) => ({ id: circle.id, code: circle.code, name: circle.name, country: 'IN' })) : [];
}
