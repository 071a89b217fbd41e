import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { getConfig } from '@/lib/config';
import { databaseConnectTimeoutSeconds } from './availability';
import { lockDatabaseFolder } from './pglite-lock';
import * as schema from './schema';

/**
 * Both drivers expose the same drizzle query builder; the postgres.js type stands for both so domain code has
 * one `Db` to accept.
 */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

/** Stops a LISTEN started by `listen`. */
export type Unlisten = () => Promise<void>;

type Handle = {
  db: Db;
  close: () => Promise<void>;
  driver: 'postgres' | 'pglite';
  /** LISTEN on a channel: postgres.js on a connection of its own (re-listening after a reconnect), PGlite in process. */
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<Unlisten>;
};

/**
 * One handle per process, kept on globalThis: Next bundles instrumentation, route handlers and pages
 * separately, and dev reloads modules, but a PGlite folder must only ever be opened once per process (it has
 * no lock of its own; two instances on one folder silently lose writes). Across processes, pglite-lock.ts
 * refuses a folder another live process has open.
 */
const globalKey = Symbol.for('switchboard.db');
type GlobalWithDb = typeof globalThis & { [globalKey]?: Handle };

/** The configured database; `pgliteDir` asks for an embedded one whatever DATABASE_URL says (tests use memory://). */
export function openDatabase(options: { url?: string; pgliteDir?: string } = {}): Handle {
  const config = getConfig();
  const url = options.pgliteDir ? undefined : (options.url ?? config.DATABASE_URL);
  if (url) {
    // A connection that cannot be made in 2 s will not be made in 30 (postgres.js's default): fail fast, as a 503.
    const client = postgres(url, { max: 10, connect_timeout: databaseConnectTimeoutSeconds, onnotice: () => {} });
    const listen: Handle['listen'] = async (channel, onPayload) => {
      const { unlisten } = await client.listen(channel, onPayload);
      return unlisten;
    };
    return { db: drizzlePostgres(client, { schema }), close: () => client.end(), driver: 'postgres', listen };
  }
  const dir = options.pgliteDir ?? config.PGLITE_DIR;
  let release = () => {};
  if (!dir.startsWith('memory://')) {
    mkdirSync(path.resolve(/* turbopackIgnore: true */ dir), { recursive: true });
    release = lockDatabaseFolder(dir);
  }
  let client: PGlite;
  try {
    // pg_trgm backs the search indexes; PostgreSQL has it in contrib, PGlite loads it as an extension.
    client = new PGlite(dir, { extensions: { pg_trgm } });
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const listen: Handle['listen'] = (channel, onPayload) => client.listen(channel, onPayload);
  return { db, close: () => client.close().finally(release), driver: 'pglite', listen };
}

function handle(): Handle {
  const g = globalThis as GlobalWithDb;
  return (g[globalKey] ??= openDatabase());
}

// Like the handle, one per process for every copy of this module.
const ambientKey = Symbol.for('switchboard.db.ambient-transaction');
type GlobalWithAmbient = typeof globalThis & { [ambientKey]?: AsyncLocalStorage<Tx> };
const ambient = () => ((globalThis as GlobalWithAmbient)[ambientKey] ??= new AsyncLocalStorage<Tx>());

/** The database, or inside `inOneTransaction` the transaction that every query of that call joins. */
export function getDb(): Db {
  // A transaction has the whole query builder; what it lacks (the driver's $client) no domain code uses.
  return (ambient().getStore() as unknown as Db | undefined) ?? handle().db;
}

/**
 * Runs `work` so that every domain function it calls, each of which takes its own handle from getDb(), shares
 * one transaction: their own transactions become savepoints inside it, and a failure anywhere undoes it all.
 * For composite jobs such as seeding, where domain functions are called one after another.
 */
export async function inOneTransaction<T>(work: () => Promise<T>): Promise<T> {
  const current = ambient().getStore();
  if (current) return work();
  return handle().db.transaction((tx) => ambient().run(tx, work));
}

/** LISTEN on a PostgreSQL channel of the process's database (lib/live fans it out in process). */
export function listenToChannel(channel: string, onPayload: (payload: string) => void): Promise<Unlisten> {
  return handle().listen(channel, onPayload);
}

/** Whether getDb() is an ambient transaction (inside inOneTransaction), so a statement cannot commit on its own. */
export function inAmbientTransaction(): boolean {
  return ambient().getStore() !== undefined;
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
