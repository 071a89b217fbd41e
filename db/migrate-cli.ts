import '@/lib/config/load-env-files';
import { closeDatabase } from './index';
import { migrateOrExitWhenLocked } from './migrate';

// `npm run db:migrate`. With the embedded database, stop the server first: one process per data folder.
await migrateOrExitWhenLocked();
await closeDatabase();
process.stdout.write('Migrations applied.\n');
