import { e2eEnv } from '../../support/server-env';

/**
 * Clients cannot be created through the API (they come from onboarding and KYC), so tests that need client rows
 * write them with the domain's seed function — possible only when the server runs on PostgreSQL that this
 * process can reach too. On the embedded database (a server-private memory:// PGlite) such tests say so and
 * use what the API can create.
 */
export const sharedDatabase = Boolean(process.env.DATABASE_URL);

/** Points this process at the server's database, with the same secrets and data folder, so nothing is generated on the side. */
function connectToServerDatabase(what: string) {
  if (!sharedDatabase) throw new Error(`${what} needs DATABASE_URL: the server and the tests must share the database.`);
  for (const name of ['AUTH_SECRET', 'ENCRYPTION_KEY', 'DATA_DIR', 'PLATFORM_DOMAIN']) process.env[name] ??= e2eEnv[name];
  process.env.DATABASE_URL = e2eEnv.DATABASE_URL;
}

/**
 * A custom domain of a partner, verified (with a stand-in for the DNS lookup that finds its TXT record) or left
 * pending. Ask the server about each domain only once it is in its final state: the server caches what a host is.
 */
export async function addCustomDomain(partnerId: string, hostname: string, options: { verified: boolean }) {
  connectToServerDatabase('addCustomDomain');
  const [{ addDomain }, { verifyDomain }, { systemCtx }] = await Promise.all([import('@/lib/domains/manage-domains'), import('@/lib/domains/verify-domain'), import('@/lib/audit/context')]);
  const ctx = { ...systemCtx, partnerId };
  const domain = await addDomain(ctx, { hostname });
  if (options.verified) await verifyDomain(ctx, domain.id, async () => [[domain.record.value]]);
}

export async function seedClients(partnerId: string, count: number, status: 'active' | 'inactive' | 'pending' = 'active'): Promise<string[]> {
  connectToServerDatabase('seedClients');
  const [{ seedClient }, { systemCtx }] = await Promise.all([import('@/lib/clients/seed-client'), import('@/lib/audit/context')]);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const tag = `${Date.now().toString(36)}${i}`;
    ids.push((await seedClient({ ...systemCtx, partnerId }, { name: `E2E client ${tag}`, email: `client-${tag}@example.test`, status })).id);
  }
  return ids;
}

/** The partner's sandbox (made if missing): where its sk_test_ keys act. */
export async function sandboxOf(partnerId: string): Promise<string> {
  connectToServerDatabase('sandboxOf');
  const { ensureSandbox } = await import('@/lib/partners/sandbox');
  return ensureSandbox(partnerId);
}

/** A partner's id by its slug, read from the server's database. */
export async function partnerIdBySlug(slug: string): Promise<string> {
  connectToServerDatabase('partnerIdBySlug');
  const [{ getDb }, { partners }, { eq }] = await Promise.all([import('@/db'), import('@/db/schema'), import('drizzle-orm')]);
  const [row] = await getDb().select({ id: partners.id }).from(partners).where(eq(partners.slug, slug));
  return row!.id;
}

/** An active client whose owner can sign in to the portal with this password. */
export async function seedClientWithOwner(partnerId: string, input: { name: string; owner: { name: string; email: string; password: string } }) {
  connectToServerDatabase('seedClientWithOwner');
  const [{ seedClient }, { systemCtx }] = await Promise.all([import('@/lib/clients/seed-client'), import('@/lib/audit/context')]);
  const client = await seedClient({ ...systemCtx, partnerId }, { name: input.name, email: input.owner.email, status: 'active', owner: { name: input.owner.name, password: input.owner.password } });
  return { clientId: client.id, ownerEmail: input.owner.email };
}

/** Numbers in a client's masking pool (as a purchase and "use for masking" would leave them), in the partner's sandbox. */
export async function addSandboxMaskingPool(partnerId: string, clientId: string, count: number): Promise<string[]> {
  connectToServerDatabase('addSandboxMaskingPool');
  const [{ addPoolNumbers }, { ensureSandbox }] = await Promise.all([import('@/lib/masking/test-pool'), import('@/lib/partners/sandbox')]);
  const sandboxId = await ensureSandbox(partnerId);
  return (await addPoolNumbers({ partnerId: sandboxId, clientId, environment: 'sandbox', count })).map((n) => n.e164);
}

/**
 * A month of charges to a new client of a live partner, in the last ended IST month (stamped at ledger time),
 * and that month's invoices made as the worker would on the 1st. Returns the client and the month.
 */
export async function seedInvoicedMonth(partnerId: string): Promise<{ clientId: string; period: string }> {
  connectToServerDatabase('seedInvoicedMonth');
  const [{ systemCtx }, { creditPartner }, { addClientCredits }, { chargeClient }, { atLedgerTime }, { periodOf, previousPeriod }, { generateMonth }] = await Promise.all([
    import('@/lib/audit/context'),
    import('@/lib/ledger/money-in'),
    import('@/lib/ledger/client-credits'),
    import('@/lib/ledger/charge-client'),
    import('@/lib/ledger/clock'),
    import('@/lib/periods/ist-month'),
    import('@/lib/invoices/generate'),
  ]);
  const ctx = { ...systemCtx, partnerId };
  const [clientId] = await seedClients(partnerId, 1);
  const period = previousPeriod(periodOf(new Date()));
  const at = new Date(period.start.getTime() + 5 * 86_400_000);
  await atLedgerTime(at, () => creditPartner(systemCtx, { partnerId, amount: '1000000', reference: `UTR${Date.now()}` }));
  await atLedgerTime(at, () => addClientCredits(ctx, { clientId: clientId!, amount: '500000' }));
  await atLedgerTime(at, () => chargeClient(ctx, { clientId: clientId!, product: 'number_rental_toll_free', objectId: 'tf-e2e' }));
  await atLedgerTime(at, () => chargeClient(ctx, { clientId: clientId!, product: 'call_minute_outbound', quantity: 120 }));
  await generateMonth(period, { partnerId });
  return { clientId: clientId!, period: period.key };
}

/**
 * A partner with two clients (each with its owner) and, on each, a WhatsApp number and a channel — what the
 * portal's WhatsApp and Channels tabs show — written with the domain's own functions (simulated Cloud API and
 * gateway). The partner is fresh, so its subdomain is unknown to the server until it is first asked.
 */
export async function seedPortalServices(input: { slug: string; name: string; password: string }) {
  connectToServerDatabase('seedPortalServices');
  const [{ createPartner }, { seedClient }, { systemCtx }, { linkWhatsappNumber }, { createChannel }] = await Promise.all([
    import('@/lib/partners/create-partner'),
    import('@/lib/clients/seed-client'),
    import('@/lib/audit/context'),
    import('@/lib/whatsapp/manage-numbers'),
    import('@/lib/channels/manage-channels'),
  ]);
  const partner = await createPartner(systemCtx, { slug: input.slug, name: input.name });
  const ctx = { ...systemCtx, partnerId: partner.id };
  const seed = async (name: string, ownerEmail: string, digits: string) => {
    const client = await seedClient(ctx, { name, email: ownerEmail, status: 'active', owner: { name: `${name} Owner`, password: input.password } });
    const whatsapp = await linkWhatsappNumber(ctx, { client_id: client.id, phone_number_id: `40${digits}`, access_token: `EAAGportal${digits}systemusertoken` });
    const { channel } = await createChannel(ctx, { clientId: client.id, name: `${name} line` });
    return { clientId: client.id, ownerEmail, whatsappId: whatsapp.id, whatsappDisplay: whatsapp.displayPhoneNumber, channelId: channel.id, channelName: channel.name };
  };
  const tail = String(Date.now()).slice(-7);
  return { partnerId: partner.id, mine: await seed('Alpha Traders', `alpha-${input.slug}@example.test`, `1${tail}1`), theirs: await seed('Bravo Secret Industries', `bravo-${input.slug}@example.test`, `1${tail}2`) };
}

/** An available sandbox number that sorts before the simulator's stock of its circle and type, so a search (and auto-buy) meets it first. */
export async function addFirstSandboxNumber(region: string, type: 'local' | 'mobile' | 'toll_free'): Promise<string> {
  connectToServerDatabase('addFirstSandboxNumber');
  const [{ getDb }, { numbers }] = await Promise.all([import('@/db'), import('@/db/schema')]);
  const digits = `0000${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}45`;
  await getDb().insert(numbers).values({ environment: 'sandbox', carrier: 'simulator', e164: `+91${digits}`, digits, country: 'IN', region, type });
  return `+91${digits}`;
}
