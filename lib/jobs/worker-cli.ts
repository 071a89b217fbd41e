import '@/lib/config/load-env-files';
import { closeDatabase } from '@/db';
import { getConfig } from '@/lib/config';
import { ConfigError } from '@/lib/config/schema';
import { logger } from '@/lib/log/logger';
import { startWorker } from './worker';

// `npm run worker`: the background worker on its own, beside servers started with WORKER_IN_PROCESS=false.

try {
  if (getConfig().embedded) {
    process.stderr.write(
      '\nnpm run worker needs DATABASE_URL.\nThe embedded database (PGlite) may only be opened by one process, and that is the server, which runs the worker itself (WORKER_IN_PROCESS=true).\nTo run workers separately, point the server and the workers at a PostgreSQL server with DATABASE_URL.\n\n',
    );
    process.exit(1);
  }
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`\n${error.message}\nSee .env.example for every variable.\n\n`);
  process.exit(1);
}

const stop = startWorker();
logger.info('worker started', { pid: process.pid });

async function shutDown(signal: string) {
  logger.info('worker stopping', { signal });
  await stop();
  await closeDatabase();
  process.exit(0);
}

process.once('SIGINT', () => void shutDown('SIGINT'));
process.once('SIGTERM', () => void shutDown('SIGTERM'));
