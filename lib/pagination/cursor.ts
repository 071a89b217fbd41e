import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';

/**
 * Cursor pagination over time-sortable ids, newest first. `starting_after` continues after an item (older
 * ones), `ending_before` goes back before an item (newer ones). Because ids only grow, rows added during a
 * walk never shift the rows still to come: each row present at the start is seen exactly once.
 */
export const listParamsShape = {
  limit: z.coerce.number('limit must be a number.').int('limit must be a whole number.').min(1, 'limit must be at least 1.').max(100, 'limit must be at most 100.').default(20).meta({ description: 'How many items to return, 1–100.', example: 20 }),
  starting_after: z.string().min(1).max(64).optional().meta({ description: 'An item id: return the items after it (older).' }),
  ending_before: z.string().min(1).max(64).optional().meta({ description: 'An item id: return the items before it (newer).' }),
};

export type ListParams = { limit: number; starting_after?: string; ending_before?: string };

export type Page<T> = { data: T[]; has_more: boolean };

/** `older` walks forward through the list in its sort order (starting_after); `newer` walks back (ending_before). */
export type CursorQuery = { direction: 'older' | 'newer'; cursor: string | undefined; take: number };

/** Turns list parameters into what a query needs: which side of which id, and one more row than asked. */
export function cursorQuery(params: ListParams): CursorQuery {
  if (params.starting_after && params.ending_before) {
    throw new AppError('validation_failed', 'Send starting_after or ending_before, not both.', { 'query.ending_before': 'Cannot be combined with starting_after.' });
  }
  return params.ending_before
    ? { direction: 'newer', cursor: params.ending_before, take: params.limit + 1 }
    : { direction: 'older', cursor: params.starting_after, take: params.limit + 1 };
}

/**
 * Shapes the rows a query returned for a CursorQuery into a page. Queries for `newer` read ascending, so
 * the rows are put back newest first.
 */
export function toPage<T>(rows: T[], query: CursorQuery): Page<T> {
  const has_more = rows.length > query.take - 1;
  const kept = rows.slice(0, query.take - 1);
  return { data: query.direction === 'newer' ? kept.reverse() : kept, has_more };
}
