import { describe, expect, it } from 'vitest';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { addDomain } from '@/lib/domains/manage-domains';
import { makePartner, makeStaff, systemFor, unique, uniqueDomain, uniqueEmail } from '@/test/factories';
import { listPartners } from './list-partners';
import { setPartnerStatus } from './update-partner';

describe('listPartners', () => {
  it('counts each partner’s own clients and custom domains', async () => {
    const busy = await makePartner('busy');
    const quiet = await makePartner('quiet');
    for (const status of ['active', 'pending', 'inactive'] as const) await seedClient(systemFor(busy.id), { name: `Client ${status}`, email: uniqueEmail('client'), status });
    await addDomain(systemFor(busy.id), { hostname: uniqueDomain() });
    await addDomain(systemFor(busy.id), { hostname: uniqueDomain() });

    const { rows } = await listPartners(systemCtx, { search: busy.slug });
    expect(rows).toEqual([expect.objectContaining({ id: busy.id, clientCount: 3, domainCount: 2 })]);
    const { rows: quietRows } = await listPartners(systemCtx, { search: quiet.slug });
    expect(quietRows).toEqual([expect.objectContaining({ id: quiet.id, clientCount: 0, domainCount: 0 })]);
  });

  it('filters by search text, status and tier, and pages with a stable total', async () => {
    const tag = unique();
    const made = [];
    for (const tier of ['standard', 'premium', 'premium'] as const) made.push(await makePartner(`pg${tag}`, { tier }));
    await setPartnerStatus(systemCtx, { partnerId: made[0]!.id, status: 'suspended' });

    const all = await listPartners(systemCtx, { search: `pg${tag}`, sort: { id: 'createdAt', desc: false } });
    expect(all).toEqual({ total: 3, rows: made.map((p) => expect.objectContaining({ id: p.id })) });
    expect((await listPartners(systemCtx, { search: `pg${tag}`, tier: 'premium' })).total).toBe(2);
    expect((await listPartners(systemCtx, { search: `pg${tag}`, status: 'suspended' })).rows.map((r) => r.id)).toEqual([made[0]!.id]);

    const pages = [1, 2].map((page) => listPartners(systemCtx, { search: `pg${tag}`, sort: { id: 'createdAt', desc: false }, page, pageSize: 2 }));
    const [first, second] = await Promise.all(pages);
    expect(first!.total).toBe(3);
    expect([...first!.rows, ...second!.rows].map((r) => r.id)).toEqual(made.map((p) => p.id));
  });

  it('treats % and _ in the search text literally', async () => {
    const partner = await makePartner('lit');
    expect((await listPartners(systemCtx, { search: `${partner.slug.slice(0, 4)}%` })).rows).toEqual([]);
    expect((await listPartners(systemCtx, { search: '_' })).rows.every((r) => r.slug.includes('_') || r.name.includes('_'))).toBe(true);
  });

  it('is for operators only', async () => {
    const partner = await makePartner('own');
    const owner = await makeStaff(partner.id, 'owner');
    await expect(listPartners(owner.ctx)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
