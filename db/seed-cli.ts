import '@/lib/config/load-env-files';
import { closeDatabase } from './index';
import { migrateOrExitWhenLocked } from './migrate';
import { databaseIsEmpty, seedDemo } from '@/lib/demo/seed-demo';

// `npm run db:seed`: adds the demo data on request. Refuses a non-empty database unless --force is given,
// because the demo logins have well-known passwords; with --force, demo accounts and partners that already exist
// are skipped.
await migrateOrExitWhenLocked();
if (!(await databaseIsEmpty()) && !process.argv.includes('--force')) {
  process.stderr.write('The database already has data; run `npm run db:seed -- --force` to add the demo anyway.\n');
  await closeDatabase();
  process.exit(1);
}
const { logins, skipped } = await seedDemo();
await closeDatabase();
for (const line of skipped) process.stdout.write(`Skipped ${line}.\n`);
process.stdout.write(logins.length ? `Demo data added. Sign in at:\n${logins.map((l) => `  ${l}`).join('\n')}\n` : 'Nothing added: the demo data is all there already.\n');
