import { count, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db';

/** A row count that stops at a cap: `total` is exact unless `atLeast`, when there are `total` rows or more. */
export type CappedCount = { total: number; atLeast: boolean };

/** Counting stops here unless the page asked for lies further down (see countUpTo). */
export const countCap = 10_000;

/**
 * A search is for finding a few: past 500 matches the number says nothing more, and counting a common word's
 * matches means reading every matching row (a trigram index finds candidates, each is checked again). At a
 * million clients, counting to 1,000 cost four times what counting to 500 did.
 */
export const searchCountCap = 500;

/**
 * Counts the rows of a filter, but no further than `cap`: counting every one of a partner's 200,000 clients on
 * each page view costs tens of milliseconds, while "10,000+" tells a person as much. The caller passes a cap
 * past the page it shows, so whether there is a next page is always known.
 */
export async function countUpTo(db: Queryable, table: PgTable, where: SQL | undefined, cap: number): Promise<CappedCount> {
  const capped = db.select({ one: sql`1` }).from(table).where(where).limit(cap + 1).as('capped');
  const [row] = await db.select({ n: count() }).from(capped);
  const n = row?.n ?? 0;
  return n > cap ? { total: cap, atLeast: true } : { total: n, atLeast: false };
}

/** The cap for a page-numbered list: the usual cap (or a search's), or further when the page shown lies beyond it. */
export function capFor(page: number, pageSize: number, options: { search?: string } = {}): number {
  return Math.max(options.search ? searchCountCap : countCap, page * pageSize + 1);
}
