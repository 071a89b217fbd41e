import { getConfig, type Config } from '@/lib/config';
import { ConfigError } from '@/lib/config/schema';
import { getDb, inOneTransaction } from '@/db';
import { installStandardCatalogueIfEmpty } from '@/lib/workspaces/standard-catalogue';
import { migrateOrExitWhenLocked } from '@/db/migrate';
import { databaseIsEmpty, seedDemo, type SeedResult } from '@/lib/demo/seed-demo';
import { ensureBootstrapOperator } from '@/lib/operators/bootstrap-operator';
import { logger } from '@/lib/log/logger';
import { startWorker } from '@/lib/jobs/worker';
import { watchDatabase } from '@/db/availability';

/**
 * Runs once per server process before it takes requests: validate configuration, apply migrations, create the
 * bootstrap operator, and on a first start against an empty embedded database, seed the demo. Migrations and
 * seeding run inside the server because an embedded database folder may only be opened by one process. The
 * worker runs here too unless WORKER_IN_PROCESS=false says it runs on its own (`npm run worker`).
 */
export async function startServer(): Promise<void> {
  const started = Date.now();
  let config: Config;
  try {
    config = getConfig();
  } catch (error) {
    // A bad configuration is the operator's to fix: say exactly what, and stop instead of serving errors.
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`\n${error.message}\nSee .env.example for every variable.\n\n`);
    process.exit(1);
  }
  // Another process may have the embedded database open: then it says which, and stops rather than lose writes.
  await migrateOrExitWhenLocked();
  const { bootstrapped, demo } = await createStartingData({ demoIfEmpty: config.embedded && config.DEMO_SEED === 'auto' });
  if (bootstrapped) logger.info('bootstrap operator created', { email: config.BOOTSTRAP_OPERATOR_EMAIL });
  if (demo) process.stdout.write(`\nSwitchboard demo data is ready. Sign in at:\n${demo.logins.map((l) => `  ${l}`).join('\n')}\n\n`);
  if (config.DATABASE_URL) watchDatabase(config.DATABASE_URL);
  const worker = config.WORKER_IN_PROCESS && startWorkerOnce();
  logger.info('server ready', { database: config.embedded ? 'embedded' : 'postgres', worker: worker ? 'in-process' : 'separate', startupMs: Date.now() - started });
}

/**
 * The bootstrap operator, and the demo when asked for and the database is empty. Emptiness is judged before the
 * bootstrap operator is created, or setting one would skip the demo. Both go in one transaction: should seeding
 * fail, the database is still empty and the next start seeds it again.
 */
export async function createStartingData({ demoIfEmpty }: { demoIfEmpty: boolean }): Promise<{ bootstrapped: boolean; demo?: SeedResult }> {
  const seed = demoIfEmpty && (await databaseIsEmpty());
  return inOneTransaction(async () => {
    const bootstrapped = await ensureBootstrapOperator();
    // The chat-bot product's plans exist from the first start, so partners can offer them before the operator edits any.
    await installStandardCatalogueIfEmpty(getDb());
    return { bootstrapped, demo: seed ? await seedDemo() : undefined };
  });
}

const workerKey = Symbol.for('switchboard.worker');

/** Once per process: development reloads modules, and a build must not start one at all. */
function startWorkerOnce(): boolean {
  if (process.env.NEXT_PHASE === 'phase-production-build') return false;
  const g = globalThis as typeof globalThis & { [workerKey]?: () => Promise<void> };
  g[workerKey] ??= startWorker();
  return true;
}
