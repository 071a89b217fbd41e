import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseConfig, type RawConfig } from './schema';

export type Config = RawConfig & {
  authSecret: string;
  encryptionKey: Buffer;
  embedded: boolean;
};

type GeneratedSecrets = { authSecret: string; encryptionKey: string };

/**
 * For the embedded database a newcomer should not have to invent secrets: they are generated once and kept in
 * `<DATA_DIR>/secrets.json` (mode 0600), beside the data they protect. With DATABASE_URL they come from the
 * environment (required in production).
 */
function generatedSecrets(dataDir: string): GeneratedSecrets {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as GeneratedSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets = { authSecret: randomBytes(32).toString('base64'), encryptionKey: randomBytes(32).toString('base64') };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

let cached: Config | undefined;

export function getConfig(): Config {
  if (cached) return cached;
  const raw = parseConfig(process.env);
  const needsGenerated = !raw.AUTH_SECRET || !raw.ENCRYPTION_KEY;
  const generated = needsGenerated ? generatedSecrets(raw.DATA_DIR) : undefined;
  cached = {
    ...raw,
    authSecret: raw.AUTH_SECRET ?? generated!.authSecret,
    encryptionKey: Buffer.from(raw.ENCRYPTION_KEY ?? generated!.encryptionKey, 'base64'),
    embedded: !raw.DATABASE_URL,
  };
  return cached;
}

/** Forgets the parsed configuration, so that tests which change process.env see the change. */
export function resetConfigForTests(): void {
  cached = undefined;
}
