import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './schema';

const validKey = Buffer.alloc(32, 7).toString('base64');
const longSecret = 'x'.repeat(32);

/** The problems a ConfigError lists for this environment (fails the test if it parses). */
function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('parseConfig', () => {
  it('runs with nothing set: embedded database, localhost, generated secrets', () => {
    expect(parseConfig({})).toEqual({
      NODE_ENV: 'development',
      PGLITE_DIR: '.data/pglite',
      DATA_DIR: '.data',
      PLATFORM_DOMAIN: 'localhost',
      PLATFORM_URL: 'http://localhost:3000',
      PLATFORM_NAME: 'Switchboard',
      DEMO_SEED: 'auto',
      HOST_CACHE_TTL_MS: 30_000,
      TRUSTED_PROXY_HOPS: 0,
      LOG_LEVEL: 'info',
      EMAIL_FROM: 'no-reply@switchboard.invalid',
      PLIVO_API_URL: 'https://api.plivo.com',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: false,
      WHAPI_MANAGER_URL: 'https://manager.whapi.cloud',
      WHAPI_GATE_URL: 'https://gate.whapi.cloud',
      WORKER_IN_PROCESS: true,
      WHATSAPP_GRAPH_URL: 'https://graph.facebook.com',
      WHATSAPP_GRAPH_API_VERSION: 'v26.0',
      WORKSPACE_FREE_DROP_DAYS: 3,
      SUPPORT_SOLVED_CLOSE_DAYS: 7,
      AGENT_WRAP_UP_SECONDS: 30,
      LEDGER_BATCH_MAX: 32,
    });
  });

  it('wants both channel gateway credentials or neither, naming the missing one', () => {
    expect(() => parseConfig({ WHAPI_PARTNER_TOKEN: 'partner-token-0123456789' })).toThrow(/WHAPI_PROJECT_ID is required/);
    expect(parseConfig({ WHAPI_PARTNER_TOKEN: 'partner-token-0123456789', WHAPI_PROJECT_ID: 'prj' }).WHAPI_PROJECT_ID).toBe('prj');
  });

  it('takes the Meta app id and secret together, and a Graph API version', () => {
    expect(() => parseConfig({ WHATSAPP_APP_ID: '1234567890' })).toThrow(/WHATSAPP_APP_SECRET/);
    expect(() => parseConfig({ WHATSAPP_GRAPH_API_VERSION: '26' })).toThrow(/WHATSAPP_GRAPH_API_VERSION/);
    expect(parseConfig({ WHATSAPP_APP_ID: '1234567890', WHATSAPP_APP_SECRET: '0123456789abcdef0123' }).WHATSAPP_APP_ID).toBe('1234567890');
  });

  it('puts the platform on the port the server listens on, unless PLATFORM_URL says otherwise', () => {
    expect(parseConfig({ PORT: '3400' }).PLATFORM_URL).toBe('http://localhost:3400');
    expect(parseConfig({ PORT: '3400', PLATFORM_URL: 'https://switchboard.example' }).PLATFORM_URL).toBe('https://switchboard.example');
  });

  it('treats empty variables as unset', () => {
    const config = parseConfig({ DATABASE_URL: '', AUTH_SECRET: '', ENCRYPTION_KEY: '', PLATFORM_DOMAIN: '', HOST_CACHE_TTL_MS: '', BOOTSTRAP_OPERATOR_EMAIL: '', BOOTSTRAP_OPERATOR_PASSWORD: '' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.AUTH_SECRET).toBeUndefined();
    expect(config.PLATFORM_DOMAIN).toBe('localhost');
    expect(config.HOST_CACHE_TTL_MS).toBe(30_000);
  });

  it('accepts a complete production setup and normalises the platform domain', () => {
    const config = parseConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://app:secret@db.internal:5432/switchboard',
      PLATFORM_DOMAIN: 'Switchboard.Example',
      PLATFORM_URL: 'https://switchboard.example',
      AUTH_SECRET: longSecret,
      ENCRYPTION_KEY: validKey,
      HOST_CACHE_TTL_MS: '0',
      BOOTSTRAP_OPERATOR_EMAIL: 'ops@switchboard.example',
      BOOTSTRAP_OPERATOR_PASSWORD: 'a-long-password-1',
    });
    expect(config).toMatchObject({ PLATFORM_DOMAIN: 'switchboard.example', HOST_CACHE_TTL_MS: 0, AUTH_SECRET: longSecret, ENCRYPTION_KEY: validKey });
  });

  it.each([
    ['DATABASE_URL', 'mysql://db/switchboard'],
    ['DATABASE_URL', 'db.internal:5432'],
    ['PLATFORM_DOMAIN', 'https://switchboard.example'],
    ['PLATFORM_DOMAIN', 'switchboard.example:3000'],
    ['PLATFORM_DOMAIN', 'switchboard.example/app'],
    ['PLATFORM_URL', 'switchboard.example'],
    ['AUTH_SECRET', 'too-short'],
    ['ENCRYPTION_KEY', 'not-base64'],
    ['ENCRYPTION_KEY', Buffer.alloc(16).toString('base64')],
    ['HOST_CACHE_TTL_MS', 'soon'],
    ['HOST_CACHE_TTL_MS', '-1'],
    ['TRUSTED_PROXY_HOPS', '-1'],
    ['TRUSTED_PROXY_HOPS', '1.5'],
    ['TRUSTED_PROXY_HOPS', 'one'],
    ['LOG_LEVEL', 'verbose'],
    ['NODE_ENV', 'staging'],
    ['WEBHOOK_ALLOW_PRIVATE_TARGETS', 'maybe'],
    ['WORKER_IN_PROCESS', 'sometimes'],
  ])('refuses %s=%s and names the variable', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.startsWith(`${name} `)).toBe(true);
  });

  it('reads switches as booleans', () => {
    expect(parseConfig({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WORKER_IN_PROCESS: 'false' })).toMatchObject({ WEBHOOK_ALLOW_PRIVATE_TARGETS: true, WORKER_IN_PROCESS: false });
    expect(parseConfig({ WEBHOOK_ALLOW_PRIVATE_TARGETS: '1', WORKER_IN_PROCESS: '0' })).toMatchObject({ WEBHOOK_ALLOW_PRIVATE_TARGETS: true, WORKER_IN_PROCESS: false });
  });

  it('explains what a secret must look like', () => {
    expect(problemsOf({ AUTH_SECRET: 'short' })[0]).toMatch(/at least 32 characters/);
    expect(problemsOf({ ENCRYPTION_KEY: 'short' })[0]).toMatch(/32 random bytes in base64/);
  });

  it('names the missing half of the bootstrap operator pair', () => {
    const withoutPassword = problemsOf({ BOOTSTRAP_OPERATOR_EMAIL: 'ops@example.com' });
    expect(withoutPassword).toHaveLength(1);
    expect(withoutPassword[0]).toMatch(/^BOOTSTRAP_OPERATOR_PASSWORD is required when BOOTSTRAP_OPERATOR_EMAIL is set/);

    const withoutEmail = problemsOf({ BOOTSTRAP_OPERATOR_PASSWORD: 'a-long-password-1' });
    expect(withoutEmail).toHaveLength(1);
    expect(withoutEmail[0]).toMatch(/^BOOTSTRAP_OPERATOR_EMAIL is required when BOOTSTRAP_OPERATOR_PASSWORD is set/);
  });

  it('checks the bootstrap operator values themselves', () => {
    const problems = problemsOf({ BOOTSTRAP_OPERATOR_EMAIL: 'not-an-email', BOOTSTRAP_OPERATOR_PASSWORD: 'short' });
    expect(problems.some((p) => p.startsWith('BOOTSTRAP_OPERATOR_EMAIL '))).toBe(true);
    expect(problems.some((p) => p.startsWith('BOOTSTRAP_OPERATOR_PASSWORD '))).toBe(true);
  });

  it('requires AUTH_SECRET in production with DATABASE_URL, but not for the embedded database', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/switchboard' });
    expect(problems).toEqual([expect.stringMatching(/^AUTH_SECRET is required in production/)]);
    expect(() => parseConfig({ NODE_ENV: 'production' })).not.toThrow();
    expect(() => parseConfig({ NODE_ENV: 'development', DATABASE_URL: 'postgres://db/switchboard' })).not.toThrow();
  });

  it('takes the worker’s test knobs as whole milliseconds within bounds, and leaves them unset by default', () => {
    expect(parseConfig({ WORKER_POLL_MS: '50', WEBHOOK_LEASE_MS: '2000' })).toMatchObject({ WORKER_POLL_MS: 50, WEBHOOK_LEASE_MS: 2000 });
    expect(parseConfig({})).not.toHaveProperty('WORKER_POLL_MS');
    expect(problemsOf({ WORKER_POLL_MS: '5' })).toEqual(['WORKER_POLL_MS must be at least 10 ms']);
    expect(problemsOf({ WEBHOOK_LEASE_MS: '1.5' })).toEqual(['WEBHOOK_LEASE_MS must be a whole number of milliseconds']);
    expect(problemsOf({ WEBHOOK_LEASE_MS: 'soon' })).toEqual(['WEBHOOK_LEASE_MS must be a number of milliseconds']);
  });

  it('reports every bad variable at once, in a message that lists them', () => {
    let error: ConfigError | undefined;
    try {
      parseConfig({ DATABASE_URL: 'mysql://db', AUTH_SECRET: 'short', PLATFORM_DOMAIN: 'http://x' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems.map((p) => p.split(' ')[0]).sort()).toEqual(['AUTH_SECRET', 'DATABASE_URL', 'PLATFORM_DOMAIN']);
    expect(error?.message).toMatch(/^Invalid configuration:\n {2}- /);
    for (const name of ['AUTH_SECRET', 'DATABASE_URL', 'PLATFORM_DOMAIN']) expect(error?.message).toContain(`- ${name} `);
  });
});
