import { z } from 'zod';

/**
 * Every environment variable Switchboard reads, with its rules. `.env.example` documents the same list.
 * Parsing is pure (no file system) so that it can be unit-tested; `loadConfig` adds the generated secrets.
 */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
      .optional(),
    PGLITE_DIR: z.string().min(1).default('.data/pglite'),
    DATA_DIR: z.string().min(1).default('.data'),
    PLATFORM_DOMAIN: z
      .string()
      .toLowerCase()
      .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/, 'must be a bare host name such as switchboard.example (no scheme, port or path)')
      .default('localhost'),
    PLATFORM_URL: z
      .url('must be the URL people use for the platform host, such as https://switchboard.example')
      .default('http://localhost:3000'),
    PLATFORM_NAME: z.string().min(1).max(60).default('Switchboard'),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (try: openssl rand -base64 32)').optional(),
    ENCRYPTION_KEY: z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 random bytes in base64 (try: openssl rand -base64 32)')
      .optional(),
    DEMO_SEED: z.enum(['auto', 'never']).default('auto'),
    BOOTSTRAP_OPERATOR_EMAIL: z.email('must be an e-mail address').optional(),
    BOOTSTRAP_OPERATOR_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    HOST_CACHE_TTL_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
    TRUSTED_PROXY_HOPS: z.coerce.number({ error: 'must be a number of proxies' }).int('must be a whole number of proxies').min(0, 'must be 0 or more').max(10, 'must be at most 10').default(0),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL, such as smtps://user:password@mail.example.com:465')
      .optional(),
    EMAIL_FROM: z.email('must be an e-mail address').default('no-reply@switchboard.invalid'),
    PLIVO_AUTH_ID: z.string().regex(/^[A-Z0-9]{10,40}$/, 'must be a Plivo Auth ID (capital letters and digits)').optional(),
    PLIVO_AUTH_TOKEN: z.string().min(10, 'must be a Plivo Auth Token').optional(),
    PLIVO_API_URL: z.url('must be a URL such as https://api.plivo.com').default('https://api.plivo.com'),
    CALL_EVENTS_SECRET: z.string().min(32, 'must be at least 32 characters (a random string shared with the carrier or switch)').optional(),
    WEBHOOK_ALLOW_PRIVATE_TARGETS: z.stringbool({ error: 'must be true or false' }).default(false),
    // The WhatsApp channel gateway's partner API; unset, channels run on the gateway simulator.
    WHAPI_PARTNER_TOKEN: z.string().min(16, 'must be the partner token from the gateway’s partner dashboard').optional(),
    WHAPI_PROJECT_ID: z.string().min(1).optional(),
    WHAPI_MANAGER_URL: z.url('must be the partner API’s base URL').default('https://manager.whapi.cloud'),
    WHAPI_GATE_URL: z.url('must be the channel API’s base URL').default('https://gate.whapi.cloud'),
    WORKER_IN_PROCESS: z.stringbool({ error: 'must be true or false' }).default(true),
    WHATSAPP_GRAPH_URL: z.url('must be the Graph API origin, such as https://graph.facebook.com').default('https://graph.facebook.com'),
    WHATSAPP_GRAPH_API_VERSION: z.string().regex(/^v\d+\.\d+$/, 'must be a Graph API version such as v26.0').default('v26.0'),
    WHATSAPP_APP_ID: z.string().regex(/^\d+$/, 'must be the Meta app id (digits)').optional(),
    WHATSAPP_APP_SECRET: z.string().min(16, 'must be the Meta app secret').optional(),
    WORKSPACE_FREE_DROP_DAYS: z.coerce.number({ error: 'must be a number of days' }).int('must be a whole number of days').min(0, 'must be 0 or more').max(90, 'must be at most 90 days').default(3),
    SUPPORT_SOLVED_CLOSE_DAYS: z.coerce.number({ error: 'must be a number of days' }).int('must be a whole number of days').min(1, 'must be at least 1 day').max(365, 'must be at most 365 days').default(7),
    // How many charges of one partner that arrive together may share one ledger statement (1: each its own).
    LEDGER_BATCH_MAX: z.coerce.number({ error: 'must be a number of charges' }).int('must be a whole number of charges').min(1, 'must be at least 1').max(64, 'must be at most 64').default(32),
    // How long an agent stays in wrap-up after a call before the worker makes them available again.
    AGENT_WRAP_UP_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int('must be a whole number of seconds').min(0, 'must be 0 or more').max(3600, 'must be at most 3600 seconds').default(30),
    // Test-only knobs, so a browser or API test can run a real worker fast and kill it mid-delivery. Unset,
    // the worker's own defaults apply (lib/jobs/worker.ts, lib/jobs/retry-schedule.ts).
    WORKER_POLL_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int('must be a whole number of milliseconds').min(10, 'must be at least 10 ms').max(60_000, 'must be at most 60000 ms').optional(),
    WEBHOOK_LEASE_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int('must be a whole number of milliseconds').min(1000, 'must be at least 1000 ms').max(3_600_000, 'must be at most 3600000 ms').optional(),
  })
  .superRefine((env, issue) => {
    if (env.NODE_ENV === 'production' && env.DATABASE_URL && !env.AUTH_SECRET) {
      issue.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'is required in production with DATABASE_URL (secrets are only generated for the embedded database)' });
    }
    if (Boolean(env.WHAPI_PARTNER_TOKEN) !== Boolean(env.WHAPI_PROJECT_ID)) {
      issue.addIssue({ code: 'custom', path: [env.WHAPI_PARTNER_TOKEN ? 'WHAPI_PROJECT_ID' : 'WHAPI_PARTNER_TOKEN'], message: 'is required when the other channel gateway credential is set (the two go together)' });
    }
    if (Boolean(env.WHATSAPP_APP_ID) !== Boolean(env.WHATSAPP_APP_SECRET)) {
      issue.addIssue({ code: 'custom', path: [env.WHATSAPP_APP_ID ? 'WHATSAPP_APP_SECRET' : 'WHATSAPP_APP_ID'], message: 'is required when the other of WHATSAPP_APP_ID and WHATSAPP_APP_SECRET is set (the two go together)' });
    }
    if (Boolean(env.PLIVO_AUTH_ID) !== Boolean(env.PLIVO_AUTH_TOKEN)) {
      const [missing, given] = env.PLIVO_AUTH_ID ? ['PLIVO_AUTH_TOKEN', 'PLIVO_AUTH_ID'] : ['PLIVO_AUTH_ID', 'PLIVO_AUTH_TOKEN'];
      issue.addIssue({ code: 'custom', path: [missing], message: `is required when ${given} is set (the two go together)` });
    }
    if (Boolean(env.BOOTSTRAP_OPERATOR_EMAIL) !== Boolean(env.BOOTSTRAP_OPERATOR_PASSWORD)) {
      // Name the variable that is missing, not the one that was given.
      const [missing, given] = env.BOOTSTRAP_OPERATOR_EMAIL ? ['BOOTSTRAP_OPERATOR_PASSWORD', 'BOOTSTRAP_OPERATOR_EMAIL'] : ['BOOTSTRAP_OPERATOR_EMAIL', 'BOOTSTRAP_OPERATOR_PASSWORD'];
      issue.addIssue({ code: 'custom', path: [missing], message: `is required when ${given} is set (the two go together)` });
    }
  });

export type RawConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment, or throws a ConfigError naming every bad variable and why. */
export function parseConfig(env: Record<string, string | undefined>): RawConfig {
  // An empty variable means "unset": shells and .env files often leave `NAME=` behind.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  // Unset, the platform is this machine on the port the server listens on (`next dev -p 3400` sets PORT).
  if (!present.PLATFORM_URL && present.PORT && /^\d+$/.test(present.PORT)) present.PLATFORM_URL = `http://localhost:${present.PORT}`;
  const result = configSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`));
  }
  return result.data;
}
