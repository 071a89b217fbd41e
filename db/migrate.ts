import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { databaseDriver, getDb } from './index';
import { DatabaseLockedError } from './pglite-lock';

const migrationsFolder = path.join(process.cwd(), 'db/migrations');

/** Applies every committed migration that has not run yet. Safe to call on each start. */
export async function migrateDatabase(): Promise<void> {
  const db = getDb();
  if (databaseDriver() === 'pglite') {
    await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePostgres(db, { migrationsFolder });
  }
}

/**
 * Migrates, or, when another live process holds the embedded database, says which and exits: for the server's
 * start and the commands run beside it (db:migrate, db:seed), where a stack trace would only hide the advice.
 */
export async function migrateOrExitWhenLocked(): Promise<void> {
  try {
    await migrateDatabase();
  } catch (error) {
    if (!(error instanceof DatabaseLockedError)) throw error;
    process.stderr.write(`\n${error.message}\n\n`);
    process.exit(1);
  }
}
