import { getConfig, type Config } from '@/lib/config';
import { ConfigError } from '@/lib/config/schema';
import { migrateDatabase } from '@/db/migrate';
import { databaseIsEmpty, seedDemo } from '@/lib/demo/seed-demo';
import { ensureBootstrapOperator } from '@/lib/operators/bootstrap-operator';
import { logger } from '@/lib/log/logger';
import { startWorker } from '@/lib/jobs/worker';

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
  await migrateDatabase();
  if (await ensureBootstrapOperator()) logger.info('bootstrap operator created', { email: config.BOOTSTRAP_OPERATOR_EMAIL });
  if (config.embedded && config.DEMO_SEED === 'auto' && (await databaseIsEmpty())) {
    const logins = await seedDemo();
    process.stdout.write(`\nSwitchboard demo data is ready. Sign in at:\n${logins.map((l) => `  ${l}`).join('\n')}\n\n`);
  }
  const worker = config.WORKER_IN_PROCESS && startWorkerOnce();
  logger.info('server ready', { database: config.embedded ? 'embedded' : 'postgres', worker: worker ? 'in-process' : 'separate', startupMs: Date.now() - started });
}

const workerKey = Symbol.for('switchboard.worker');

/** Once per process: development reloads modules, and a build must not start one at all. */
function startWorkerOnce(): boolean {
  if (process.env.NEXT_PHASE === 'phase-production-build') return false;
  const g = globalThis as typeof globalThis & { [workerKey]?: () => Promise<void> };
  g[workerKey] ??= startWorker();
  return true;
}
