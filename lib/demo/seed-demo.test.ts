import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase, getDb, openDatabase, setDatabaseForTests } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { agents, clients, operatorUsers, partners, voiceBots } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { resetConfigForTests } from '@/lib/config';
import { createPartner } from '@/lib/partners/create-partner';
import { createStartingData } from '@/lib/startup';
import { getClientKyc } from '@/lib/onboarding/client-kyc';
import { pendingClientOnboarding } from '@/lib/clients/client-onboarding';
import { onboardDemoClient } from './onboard-demo-client';
import { databaseIsEmpty, seedDemo } from './seed-demo';

// A client's onboarding that can be made to fail half-way through the seed.
vi.mock('./onboard-demo-client', async (importOriginal) => {
  const original = await importOriginal<typeof import('./onboard-demo-client')>();
  return { ...original, onboardDemoClient: vi.fn(original.onboardDemoClient) };
});

async function tally() {
  const db = getDb();
  const [[ops], [ptns], [cls]] = await Promise.all([db.select({ n: count() }).from(operatorUsers), db.select({ n: count() }).from(partners), db.select({ n: count() }).from(clients)]);
  return { operators: ops!.n, partners: ptns!.n, clients: cls!.n };
}

function failOnClient(name: string) {
  const original = vi.mocked(onboardDemoClient).getMockImplementation()!;
  vi.mocked(onboardDemoClient).mockImplementation(async (ctx, input, password) => {
    if (input.name === name) throw new Error('disk full');
    return original(ctx, input, password);
  });
}

// Seeding is about an empty database and fixed demo slugs: each test gets an embedded one of its own, even where
// the other tests share a PostgreSQL server.
beforeEach(async () => {
  await closeDatabase();
  setDatabaseForTests(openDatabase({ pgliteDir: 'memory://' }));
  await migrateDatabase();
});

afterEach(() => {
  vi.mocked(onboardDemoClient).mockRestore();
  vi.unstubAllEnvs();
  resetConfigForTests();
});

// A whole demo (clients through the KYC journey, a month of money, channels in each state) takes a while on a busy machine.
describe('seedDemo', { timeout: 120_000 }, () => {
  it('fills an empty database with the demo operator, two partners and their clients', async () => {
    expect(await databaseIsEmpty()).toBe(true);
    const { logins, skipped } = await seedDemo();
    expect(logins).toHaveLength(3);
    expect(skipped).toEqual([]);
    expect(await tally()).toEqual({ operators: 1, partners: 2, clients: 5 });

    // Every onboarded demo client went through the KYC journey, like a real one; the pending one is halfway.
    for (const client of await getDb().select().from(clients)) {
      const ctx = { ...systemCtx, partnerId: client.partnerId };
      const kyc = await getClientKyc(ctx, client.id);
      if (client.status === 'pending') {
        expect(kyc, client.name).toBeNull();
        expect(await pendingClientOnboarding(ctx, client), client.name).toMatchObject({ kind: 'continue', nextStep: 'send_aadhaar_otp' });
      } else {
        expect(kyc, client.name).toMatchObject({ status: 'completed', kyc: { provider: 'simulator', pan: { status: 'verified' }, aadhaar: { status: 'verified' } } });
      }
    }

    // Each partner's wallboard shows agents in four states, with calls today, and it has voice bots.
    for (const partner of await getDb().select({ id: partners.id }).from(partners).where(eq(partners.kind, 'live'))) {
      const states = (await getDb().select({ availability: agents.availability, calls: agents.callsToday }).from(agents).where(eq(agents.partnerId, partner.id))).sort((a, b) => a.availability.localeCompare(b.availability));
      // The seats a demo template installed into another client are offline until someone takes them.
      const working = states.filter((s) => s.availability !== 'offline');
      expect(working.map((s) => s.availability)).toEqual(['available', 'break', 'on_call', 'wrap_up']);
      expect(working.every((s) => s.calls >= 1)).toBe(true);
      // A voice bot (and, where the demo template was installed into another client, its copy there).
      expect((await getDb().select({ id: voiceBots.id }).from(voiceBots).where(eq(voiceBots.partnerId, partner.id))).length).toBeGreaterThanOrEqual(1);
    }
  });

  it('leaves the database as it was when it fails half-way, so the next start seeds it again', async () => {
    failOnClient('Fresh Basket Grocers'); // the last client of the second partner
    await expect(seedDemo()).rejects.toThrow('disk full');
    expect(await databaseIsEmpty()).toBe(true);
    expect(await tally()).toEqual({ operators: 0, partners: 0, clients: 0 });
  });

  it('skips the partners whose slug exists, and the operator, saying so', async () => {
    await createPartner(systemCtx, { slug: 'acme', name: 'Someone else called Acme' });
    const first = await seedDemo();
    expect(first.skipped).toEqual(['partner “acme” (a partner with this slug already exists)']);
    expect(first.logins.map((l) => l.split(':')[0])).toEqual(['Operator console', 'Globex Voice console']);

    const again = await seedDemo();
    expect(again.logins).toEqual([]);
    expect(again.skipped).toHaveLength(3);
    expect(await tally()).toEqual({ operators: 1, partners: 2, clients: 2 });
  });
});

describe('createStartingData', { timeout: 90_000 }, () => {
  it('seeds the demo beside a bootstrap operator, and undoes both when seeding fails', async () => {
    vi.stubEnv('BOOTSTRAP_OPERATOR_EMAIL', 'boot@example.com');
    vi.stubEnv('BOOTSTRAP_OPERATOR_PASSWORD', 'bootstrap-password-1');
    resetConfigForTests();

    failOnClient('Bluebird Logistics');
    await expect(createStartingData({ demoIfEmpty: true })).rejects.toThrow('disk full');
    expect(await databaseIsEmpty()).toBe(true);

    vi.mocked(onboardDemoClient).mockRestore();
    const { bootstrapped, demo } = await createStartingData({ demoIfEmpty: true });
    expect(bootstrapped).toBe(true);
    expect(demo?.logins).toHaveLength(3);
    expect(await tally()).toEqual({ operators: 2, partners: 2, clients: 5 });

    // Not empty any more: a later start only makes sure of the bootstrap operator.
    expect(await createStartingData({ demoIfEmpty: true })).toEqual({ bootstrapped: false, demo: undefined });
  });
});
