import { asc, desc, gt, lt, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { CursorQuery } from './cursor';

/**
 * The WHERE part and ORDER BY for a CursorQuery over an id column, for a list sorted newest first (`desc`) or
 * oldest first (`asc`). Going back (`ending_before`) reads the other way round; toPage restores the order.
 */
export function cursorClauses(idColumn: PgColumn, query: CursorQuery, order: 'desc' | 'asc' = 'desc'): { where: SQL | undefined; orderBy: SQL } {
  const forward = query.direction === 'older';
  const descending = forward === (order === 'desc');
  const where = query.cursor ? (descending ? lt(idColumn, query.cursor) : gt(idColumn, query.cursor)) : undefined;
  return { where, orderBy: descending ? desc(idColumn) : asc(idColumn) };
}
