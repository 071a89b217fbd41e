import { closeDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';

/**
 * With a real PostgreSQL, migrate once before any test file starts: files run in parallel, and parallel
 * migrations of one database would race each other. (Each embedded test database is migrated per file.)
 */
export default async function migrateSharedDatabase() {
  if (!process.env.DATABASE_URL) return;
  process.env.LOG_LEVEL ??= 'silent';
  process.env.DATA_DIR ??= '.data/test';
  await migrateDatabase();
  await closeDatabase();
}
