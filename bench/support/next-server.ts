import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

/**
 * The environment a benchmark and the `next start` it launches share, so what the set-up writes (keys, secrets,
 * demo data) is what the server reads: a data folder of the bench's own, fixed bench-only secrets unless given,
 * no demo seed, quiet logs, and the platform on localhost at `platformUrl`.
 */
export function setBenchEnvironment(dataDir: string, platformUrl: string, extra: Record<string, string> = {}) {
  Object.assign(process.env, {
    DATA_DIR: dataDir,
    PGLITE_DIR: `${dataDir}/pglite`,
    AUTH_SECRET: process.env.AUTH_SECRET ?? 'bench-only-secret-bench-only-secret-bench',
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? 'YmVuY2gtb25seS1rZXktYmVuY2gtb25seS1rZXktYmU=',
    DEMO_SEED: 'never',
    LOG_LEVEL: 'warn',
    PLATFORM_DOMAIN: 'localhost',
    PLATFORM_URL: platformUrl,
    ...extra,
  });
}

/** `next build`, unless the command line says `--no-build` (reuse the last build). */
export function buildUnlessReused() {
  if (process.argv.includes('--no-build')) return;
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** `next start` on `port`, once `/api/health` answers at `platformUrl`. */
export async function startNextServer(port: number, platformUrl: string, timeoutMs = 90_000): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], { env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    if (await fetch(`${platformUrl}/api/health`).then((r) => r.ok, () => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGTERM');
  throw new Error(`next start did not answer within ${timeoutMs / 1000} s`);
}
