/** The test server's settings, shared by playwright.config.ts and the tests that need to know them. */
// @next/env is CommonJS that Node cannot read named exports from; its default export is the module.
import nextEnv from '@next/env';

// What `next start` will read from `.env` files, read here too, so the tests and the server agree on the database.
nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

export const e2ePort = Number(process.env.E2E_PORT ?? 3100);

/**
 * With PostgreSQL, the browser tests run on a database of their own beside the configured one: `<name>_e2e`.
 * The configured one is kept as E2E_ADMIN_DATABASE_URL for the server's processes, where DATABASE_URL is the e2e one.
 */
const adminDatabaseUrl = process.env.E2E_ADMIN_DATABASE_URL ?? process.env.DATABASE_URL;
export const e2eDatabase = adminDatabaseUrl ? { adminUrl: adminDatabaseUrl, url: withDatabaseName(adminDatabaseUrl, (name) => `${name}_e2e`) } : undefined;

function withDatabaseName(url: string, rename: (name: string) => string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(rename(decodeURIComponent(parsed.pathname.slice(1)) || 'postgres'))}`;
  return parsed.toString();
}

export const operator = { email: 'e2e-operator@switchboard.test', password: 'e2e-operator-password-1' };

export const e2eEnv: Record<string, string> = {
  ...(process.env as Record<string, string>),
  ...(e2eDatabase ? { DATABASE_URL: e2eDatabase.url, E2E_ADMIN_DATABASE_URL: e2eDatabase.adminUrl } : {}),
  NODE_ENV: 'production',
  PLATFORM_DOMAIN: 'localhost',
  PLATFORM_URL: `http://localhost:${e2ePort}`,
  // Without DATABASE_URL the server gets an embedded database of its own that lives as long as it does.
  PGLITE_DIR: 'memory://',
  DATA_DIR: '.data/e2e',
  DEMO_SEED: 'never',
  AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-only-secret-e2e-only-secret-e2e-only',
  ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? 'ZTJlLW9ubHkta2V5LWUyZS1vbmx5LWtleS1lMmUtb24=',
  BOOTSTRAP_OPERATOR_EMAIL: operator.email,
  BOOTSTRAP_OPERATOR_PASSWORD: operator.password,
  LOG_LEVEL: 'warn',
  // The webhook tests deliver to a receiver on 127.0.0.1, which production refuses as a private target.
  WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
};
