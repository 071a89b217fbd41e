import { afterAll, beforeAll } from 'vitest';
import { closeDatabase, openDatabase, setDatabaseForTests } from '@/db';
import { migrateDatabase } from '@/db/migrate';

/**
 * Each test file gets a migrated database: a fresh in-memory PGlite by default, or the real PostgreSQL named by
 * DATABASE_URL (as in CI, migrated once by test/migrate-once.ts), where tests keep to rows they created
 * themselves (unique slugs and e-mails).
 */
process.env.LOG_LEVEL ??= 'silent';
process.env.DATA_DIR ??= '.data/test';

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    setDatabaseForTests(openDatabase());
  } else {
    setDatabaseForTests(openDatabase({ pgliteDir: 'memory://' }));
    await migrateDatabase();
  }
});

afterAll(async () => {
  await closeDatabase();
});
