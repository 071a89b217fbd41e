import { describe, expect, it } from 'vitest';
import { completeSandboxRegistration } from '@/lib/onboarding/complete-sandbox-registration';
import { createRegistration } from '@/lib/onboarding/create-registration';
import { getClientKyc } from '@/lib/onboarding/client-kyc';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { makePartner, systemFor, unique } from '@/test/factories';
import { clientsForExport, searchClients } from './search-clients';
import { seedClient } from './seed-client';

const uniqueMobile = () => `9${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;

/** A sandbox with three seeded clients and one onboarded through (simulated) KYC. */
async function sandboxWithClients() {
  const ctx = systemFor(await ensureSandbox((await makePartner('srch')).id));
  const tag = unique();
  const seeded = [];
  for (const [name, status] of [['Alpha Traders', 'active'], ['Bravo Foods', 'inactive'], ['Charlie Tech', 'active']] as const) {
    seeded.push(await seedClient(ctx, { name: `${name} ${tag}`, email: `${name.split(' ')[0]!.toLowerCase()}-${tag}@example.com`, status }));
  }
  const registration = await createRegistration(ctx, { name: `Delta Onboarded ${tag}`, email: `delta-${tag}@example.com`, mobile: uniqueMobile(), password: 'correct-horse-9' }, { source: 'api' });
  const onboarded = await completeSandboxRegistration(ctx, registration.id);
  return { ctx, tag, seeded, onboardedId: onboarded.client_id!, registrationId: registration.id };
}

describe('searchClients', () => {
  it('filters by status, KYC and search, sorts by name or creation, and pages with a total', async () => {
    const { ctx, tag, onboardedId } = await sandboxWithClients();
    const all = await searchClients(ctx, { sort: { id: 'name', desc: false } });
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => r.name.split(' ')[0])).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta']);
    expect(all.rows.find((r) => r.id === onboardedId)?.kycCompleted).toBe(true);
    expect(all.rows.filter((r) => r.kycCompleted)).toHaveLength(1);

    expect((await searchClients(ctx, { status: 'inactive' })).rows.map((r) => r.name)).toEqual([`Bravo Foods ${tag}`]);
    expect((await searchClients(ctx, { kyc: 'completed' })).rows.map((r) => r.id)).toEqual([onboardedId]);
    expect((await searchClients(ctx, { kyc: 'not_onboarded' })).total).toBe(3);
    expect((await searchClients(ctx, { search: `charlie-${tag}` })).rows.map((r) => r.name)).toEqual([`Charlie Tech ${tag}`]);
    // LIKE wildcards typed by a person are taken literally.
    expect((await searchClients(ctx, { search: '%' })).total).toBe(0);

    const newestFirst = await searchClients(ctx, { sort: { id: 'createdAt', desc: true }, page: 1, pageSize: 3 });
    expect(newestFirst).toMatchObject({ total: 4 });
    expect(newestFirst.rows[0]!.id).toBe(onboardedId);
    const second = await searchClients(ctx, { sort: { id: 'createdAt', desc: true }, page: 2, pageSize: 3 });
    expect(second.rows.map((r) => r.name.split(' ')[0])).toEqual(['Alpha']);
  });

  it("never shows another partner's clients, nor the live partner's in its sandbox", async () => {
    const { ctx } = await sandboxWithClients();
    const other = systemFor((await makePartner('other')).id);
    await seedClient(other, { name: 'Elsewhere', email: `e-${unique()}@example.com`, status: 'active' });
    expect((await searchClients(other, {})).total).toBe(1);
    expect((await searchClients(ctx, { search: 'Elsewhere' })).total).toBe(0);
  });
});

describe('clientsForExport', () => {
  it('yields every client of the filter once, in the sort order, across batches', async () => {
    const { ctx } = await sandboxWithClients();
    for (const desc of [false, true]) {
      for (const id of ['name', 'createdAt'] as const) {
        const batches = [];
        for await (const batch of clientsForExport(ctx, { sort: { id, desc } }, 2)) batches.push(batch);
        expect(batches.map((b) => b.length)).toEqual([2, 2]);
        const expected = (await searchClients(ctx, { sort: { id, desc }, pageSize: 100 })).rows.map((r) => r.id);
        expect(batches.flat().map((r) => r.id)).toEqual(expected);
      }
    }
    const active = [];
    for await (const batch of clientsForExport(ctx, { status: 'active' }, 1)) active.push(...batch);
    expect(active.map((r) => r.status)).toEqual(['active', 'active', 'active']);
  });
});

describe('getClientKyc', () => {
  it('returns the masked KYC of an onboarded client, null for a seeded one, and nothing across partners', async () => {
    const { ctx, seeded, onboardedId, registrationId } = await sandboxWithClients();
    const kyc = await getClientKyc(ctx, onboardedId);
    expect(kyc).toMatchObject({ id: registrationId, status: 'completed', kyc: { aadhaar: { masked: 'XXXX XXXX 0000' } } });
    expect(kyc!.kyc.pan.masked).toMatch(/^[A-Z]{2}X{6}[0-9A-Z]{2}$/);
    expect(await getClientKyc(ctx, seeded[0]!.id)).toBeNull();
    expect(await getClientKyc(systemFor((await makePartner('nosy')).id), onboardedId)).toBeNull();
  });
});
