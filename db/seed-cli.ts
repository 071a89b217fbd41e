import '@/lib/config/load-env-files';
import { closeDatabase } from './index';
import { migrateDatabase } from './migrate';
import { databaseIsEmpty, seedDemo } from '@/lib/demo/seed-demo';

// `npm run db:seed`: adds the demo data on request. Refuses a non-empty database unless --force is given,
// because the demo logins have well-known passwords.
await migrateDatabase();
if (!(await databaseIsEmpty()) && !process.argv.includes('--force')) {
  process.stderr.write('The database already has data; run `npm run db:seed -- --force` to add the demo anyway.\n');
  await closeDatabase();
  process.exit(1);
}
const logins = await seedDemo();
await closeDatabase();
process.stdout.write(`Demo data added. Sign in at:\n${logins.map((l) => `  ${l}`).join('\n')}\n`);
