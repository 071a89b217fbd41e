import '@/lib/config/load-env-files';
import { closeDatabase } from './index';
import { migrateDatabase } from './migrate';
import { DatabaseLockedError } from './pglite-lock';

// `npm run db:migrate`. With the embedded database, stop the server first: one process per data folder.
try {
  await migrateDatabase();
} catch (error) {
  if (!(error instanceof DatabaseLockedError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
await closeDatabase();
process.stdout.write('Migrations applied.\n');
