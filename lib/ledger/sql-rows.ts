import type { SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';

/** Rows of a raw query: postgres.js answers an array, PGlite an object holding one. */
export async function sqlRows<T>(q: Queryable, query: SQL): Promise<T[]> {
  const result = (await q.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
