// @next/env is CommonJS that Node cannot read named exports from; its default export is the module.
import nextEnv from '@next/env';

/**
 * Imported first by every command run beside the server (CLI, worker, migrations, seed, benchmarks): reads the
 * `.env` files the way Next.js does, so a DATABASE_URL kept in `.env.local` reaches them too. Variables already
 * set in the environment win.
 */
nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production', { info: () => {}, error: console.error });
