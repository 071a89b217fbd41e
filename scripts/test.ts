/**
 * `npm test`: everything, in the order that fails fastest — types, lint, unit and integration tests, the
 * production build, then browser tests against `next start`. Uses PostgreSQL when DATABASE_URL is set, the
 * embedded database otherwise.
 */
import '@/lib/config/load-env-files';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(label: string, command: string, args: string[]): void {
  const started = Date.now();
  process.stdout.write(`\n▶ ${label}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stderr.write(`\n✖ ${label} failed after ${seconds}s\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`✔ ${label} (${seconds}s)\n`);
}

function ensureChromium(): void {
  if (existsSync(chromium)) return;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    run('install Chromium (Debian package)', 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium']);
    return;
  }
  process.stderr.write(
    `Chromium is needed for the browser tests and was not found at ${chromium}.\n` +
      'Install it with:  sudo apt-get install chromium   (Debian/Ubuntu)\n' +
      'or point CHROMIUM_PATH at an installed Chromium or Chrome.\n',
  );
  process.exit(1);
}

process.stdout.write(`Database: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'}\n`);
run('typecheck', 'npx', ['tsc', '--noEmit']);
run('lint', 'npx', ['eslint', '--max-warnings=0', '.']);
run('unit and integration tests', 'npx', ['vitest', 'run']);
run('production build', 'npx', ['next', 'build']);
ensureChromium();
run('browser tests', 'npx', ['playwright', 'test']);
process.stdout.write('\nAll checks passed.\n');
