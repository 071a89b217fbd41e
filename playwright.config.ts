import { defineConfig } from '@playwright/test';
import { e2eEnv, e2ePort } from './e2e/support/server-env';

/**
 * Browser tests drive Debian's Chromium (Playwright never downloads a browser here) against `next start` on a
 * real database: PostgreSQL when DATABASE_URL is set, otherwise a fresh in-memory embedded one.
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${e2ePort}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Partner subdomains and made-up custom domains all reach the local test server.
        '--host-resolver-rules=MAP *.localhost 127.0.0.1, MAP *.e2e.test 127.0.0.1',
      ],
    },
  },
  projects: [
    { name: 'ui', testIgnore: 'api/**' },
    // HTTP-level tests of the REST API; the browser only drives the operator console to set them up.
    { name: 'api', testMatch: 'api/**/*.spec.ts' },
  ],
  webServer: {
    command: `npx tsx e2e/support/fresh-database.ts && npx next start -p ${e2ePort}`,
    url: `http://localhost:${e2ePort}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: e2eEnv,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
