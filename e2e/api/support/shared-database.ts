import { e2eEnv } from '../../support/server-env';

/**
 * Clients cannot be created through the API (they come from onboarding and KYC), so tests that need client rows
 * write them with the domain's seed function — possible only when the server runs on PostgreSQL that this
 * process can reach too. On the embedded database (a server-private memory:// PGlite) such tests say so and
 * use what the API can create.
 */
export const sharedDatabase = Boolean(process.env.DATABASE_URL);

export async function seedClients(partnerId: string, count: number, status: 'active' | 'inactive' | 'pending' = 'active'): Promise<string[]> {
  if (!sharedDatabase) throw new Error('seedClients needs DATABASE_URL: the server and the tests must share the database.');
  // The same secrets and data folder as the server, so nothing is generated on the side.
  for (const name of ['AUTH_SECRET', 'ENCRYPTION_KEY', 'DATA_DIR']) process.env[name] ??= e2eEnv[name];
  process.env.DATABASE_URL = e2eEnv.DATABASE_URL;
  const [{ seedClient }, { systemCtx }] = await Promise.all([import('@/lib/clients/seed-client'), import('@/lib/audit/context')]);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const tag = `${Date.now().toString(36)}${i}`;
    ids.push((await seedClient({ ...systemCtx, partnerId }, { name: `E2E client ${tag}`, email: `client-${tag}@example.test`, status })).id);
  }
  return ids;
}
