import type { SQL } from 'drizzle-orm';
import { databaseDriver, type Db, type Queryable } from '@/db';

/** Rows of a raw query: postgres.js answers an array, PGlite an object holding one. */
export async function sqlRows<T>(q: Queryable, query: SQL): Promise<T[]> {
  const result = (await q.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

type PreparingClient = { unsafe: (text: string, params: unknown[], options: { prepare: boolean }) => Promise<unknown[]> };
type WithDialect = { dialect: { sqlToQuery: (query: SQL) => { sql: string; params: unknown[] } }; $client?: PreparingClient };

/**
 * Rows of a raw query run outside any transaction, as a prepared statement on PostgreSQL: postgres.js then
 * parses and plans it once per connection instead of describing and planning it on every call (drizzle's
 * execute never prepares). For the ledger's hot path, whose statements have a handful of fixed shapes.
 */
export async function preparedRows<T>(db: Db, query: SQL): Promise<T[]> {
  const { dialect, $client } = db as unknown as WithDialect;
  if (databaseDriver() !== 'postgres' || !$client?.unsafe) return sqlRows<T>(db, query);
  const built = dialect.sqlToQuery(query);
  return (await $client.unsafe(built.sql, built.params, { prepare: true })) as T[];
}
