import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { getConfig } from '@/lib/config';
import * as schema from './schema';

/**
 * Both drivers expose the same drizzle query builder; the postgres.js type stands for both so domain code has
 * one `Db` to accept.
 */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

type Handle = { db: Db; close: () => Promise<void>; driver: 'postgres' | 'pglite' };

/**
 * One handle per process, kept on globalThis: Next bundles instrumentation, route handlers and pages
 * separately, and dev reloads modules, but a PGlite folder must only ever be opened once per process (it has
 * no lock; two instances on one folder silently lose writes).
 */
const globalKey = Symbol.for('switchboard.db');
type GlobalWithDb = typeof globalThis & { [globalKey]?: Handle };

export function openDatabase(options: { url?: string; pgliteDir?: string } = {}): Handle {
  const config = getConfig();
  const url = options.url ?? config.DATABASE_URL;
  if (url) {
    const client = postgres(url, { max: 10, onnotice: () => {} });
    return { db: drizzlePostgres(client, { schema }), close: () => client.end(), driver: 'postgres' };
  }
  const dir = options.pgliteDir ?? config.PGLITE_DIR;
  if (!dir.startsWith('memory://')) mkdirSync(path.resolve(/* turbopackIgnore: true */ dir), { recursive: true });
  const client = new PGlite(dir);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, close: () => client.close(), driver: 'pglite' };
}

function handle(): Handle {
  const g = globalThis as GlobalWithDb;
  return (g[globalKey] ??= openDatabase());
}

export function getDb(): Db {
  return handle().db;
}

export function databaseDriver(): Handle['driver'] {
  return handle().driver;
}

/** Lets tests point the process at a database of their own (e.g. a fresh in-memory PGlite). */
export function setDatabaseForTests(next: Handle | undefined): void {
  (globalThis as GlobalWithDb)[globalKey] = next;
}

export async function closeDatabase(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const current = g[globalKey];
  g[globalKey] = undefined;
  await current?.close();
}

export { schema };
