import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { partners } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { setLogo, updateBranding } from '@/lib/branding/update-branding';
import { getConfig } from '@/lib/config';
import { addDomain, removeDomain, verificationRecord } from '@/lib/domains/manage-domains';
import { verifyDomain } from '@/lib/domains/verify-domain';
import { setPartnerStatus } from '@/lib/partners/update-partner';
import { makePartner, subdomainOf, systemFor, unique, uniqueDomain } from '@/test/factories';
import { pngImage } from '@/test/images';
import { resolveHost, type ResolvedHost } from './resolve-host';

const platformDomain = () => getConfig().PLATFORM_DOMAIN;

function tenantOf(resolved: ResolvedHost) {
  expect(resolved.kind).toBe('partner');
  if (resolved.kind !== 'partner') throw new Error('not a partner host');
  return resolved.tenant;
}

/** Adds a custom domain and verifies it with a resolver that finds the right record. */
async function verifiedDomain(partnerId: string, hostname = uniqueDomain()) {
  const domain = await addDomain(systemFor(partnerId), { hostname });
  await verifyDomain(systemFor(partnerId), domain.id, async () => [[verificationRecord(domain.hostname, domain.verificationToken).value]]);
  return domain;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('resolveHost', () => {
  it('recognises the platform host', async () => {
    expect(await resolveHost(platformDomain())).toEqual({ kind: 'platform' });
    expect(await resolveHost(`WWW.${platformDomain().toUpperCase()}:3000`)).toEqual({ kind: 'platform' });
  });

  it('resolves a partner’s subdomain to the partner with its brand', async () => {
    const partner = await makePartner('brand', { name: 'Acme Telecom', tier: 'premium' });
    const host = subdomainOf(partner.slug);
    expect(await resolveHost(host)).toEqual({
      kind: 'partner',
      tenant: {
        partnerId: partner.id,
        slug: partner.slug,
        name: 'Acme Telecom',
        status: 'active',
        kind: 'live',
        hostname: host,
        brand: { productName: 'Acme Telecom', primaryColor: '#4f46e5', secondaryColor: '#0f172a', supportEmail: null, logoVersion: null },
      },
    });
    // The same partner however the Host header is written.
    expect(tenantOf(await resolveHost(`${host.toUpperCase()}:3000`)).partnerId).toBe(partner.id);
  });

  it('keeps partners apart: each subdomain shows its own partner', async () => {
    const [a, b] = await Promise.all([makePartner('left'), makePartner('right')]);
    expect(tenantOf(await resolveHost(subdomainOf(a.slug))).partnerId).toBe(a.id);
    expect(tenantOf(await resolveHost(subdomainOf(b.slug))).partnerId).toBe(b.id);
  });

  it('answers unknown for a slug nobody has, nested subdomains and malformed hosts', async () => {
    const partner = await makePartner('nest');
    for (const host of [subdomainOf(`nobody-${unique()}`), `x.${subdomainOf(partner.slug)}`, null, undefined, '', 'not a host', '[::1]:3000']) {
      expect(await resolveHost(host)).toEqual({ kind: 'unknown' });
    }
  });

  it('resolves a custom domain only once it is verified, and stops when it is removed', async () => {
    const partner = await makePartner('custom');
    const hostname = uniqueDomain();
    const domain = await addDomain(systemFor(partner.id), { hostname });
    expect(await resolveHost(hostname)).toEqual({ kind: 'unknown' });

    await verifyDomain(systemFor(partner.id), domain.id, async () => [[verificationRecord(hostname, domain.verificationToken).value]]);
    const tenant = tenantOf(await resolveHost(hostname));
    expect(tenant).toMatchObject({ partnerId: partner.id, slug: partner.slug, hostname });
    expect(tenantOf(await resolveHost(`www.${hostname}`)).partnerId).toBe(partner.id);

    await removeDomain(systemFor(partner.id), domain.id);
    expect(await resolveHost(hostname)).toEqual({ kind: 'unknown' });
  });

  it('does not resolve a domain whose verification failed', async () => {
    const partner = await makePartner('failed');
    const domain = await addDomain(systemFor(partner.id), { hostname: uniqueDomain() });
    await verifyDomain(systemFor(partner.id), domain.id, async () => [['something else']]);
    expect(await resolveHost(domain.hostname)).toEqual({ kind: 'unknown' });
  });

  it('shows a branding change on every host of the partner at once, despite the cache', async () => {
    const partner = await makePartner('rebrand');
    const domain = await verifiedDomain(partner.id);
    for (const host of [subdomainOf(partner.slug), domain.hostname]) expect(tenantOf(await resolveHost(host)).brand.productName).toBe(partner.name);

    await updateBranding(systemFor(partner.id), { productName: 'Acme Connect', primaryColor: '#B91C1C', secondaryColor: '#111827', supportEmail: 'Help@Acme.example' });
    for (const host of [subdomainOf(partner.slug), domain.hostname]) {
      expect(tenantOf(await resolveHost(host)).brand).toEqual({ productName: 'Acme Connect', primaryColor: '#b91c1c', secondaryColor: '#111827', supportEmail: 'help@acme.example', logoVersion: null });
    }

    await setLogo(systemFor(partner.id), pngImage(4, 4));
    const { logoVersion } = tenantOf(await resolveHost(subdomainOf(partner.slug))).brand;
    expect(logoVersion).toMatch(/^[0-9a-f]{16}$/);
  });

  it('resolves a suspended partner with its status, so its pages can say so', async () => {
    const partner = await makePartner('paused');
    const host = subdomainOf(partner.slug);
    expect(tenantOf(await resolveHost(host)).status).toBe('active');

    await setPartnerStatus(systemCtx, { partnerId: partner.id, status: 'suspended', reason: 'Unpaid invoices' });
    expect(tenantOf(await resolveHost(host)).status).toBe('suspended');

    await setPartnerStatus(systemCtx, { partnerId: partner.id, status: 'active' });
    expect(tenantOf(await resolveHost(host)).status).toBe('active');
  });

  it.skipIf(getConfig().HOST_CACHE_TTL_MS === 0)('sees a change made by another app instance once HOST_CACHE_TTL_MS has passed', async () => {
    const partner = await makePartner('elsewhere');
    const host = subdomainOf(partner.slug);
    vi.useFakeTimers({ toFake: ['Date'] });
    const cachedAt = Date.now();
    expect(tenantOf(await resolveHost(host)).name).toBe(partner.name);

    // Another instance renames the partner: this one is not told (no forgetTenant here).
    await getDb().update(partners).set({ name: 'Renamed Elsewhere' }).where(eq(partners.id, partner.id));
    expect(tenantOf(await resolveHost(host)).name).toBe(partner.name);

    vi.setSystemTime(cachedAt + getConfig().HOST_CACHE_TTL_MS - 1);
    expect(tenantOf(await resolveHost(host)).name).toBe(partner.name);

    vi.setSystemTime(cachedAt + getConfig().HOST_CACHE_TTL_MS + 1);
    expect(tenantOf(await resolveHost(host)).name).toBe('Renamed Elsewhere');
  });

  it.skipIf(getConfig().HOST_CACHE_TTL_MS === 0)('shows a change at once in every copy of the module in this process', async () => {
    const partner = await makePartner('copies');
    const host = subdomainOf(partner.slug);
    expect(tenantOf(await resolveHost(host)).name).toBe(partner.name);

    // Next gives pages, route handlers and server actions each their own copy of this module.
    vi.resetModules();
    const otherCopy = await import('./resolve-host');
    expect(otherCopy.resolveHost).not.toBe(resolveHost);
    await getDb().update(partners).set({ name: 'Renamed Here' }).where(eq(partners.id, partner.id));
    otherCopy.forgetTenant(partner.id);
    expect(tenantOf(await resolveHost(host)).name).toBe('Renamed Here');
  });

  it('resolves a new partner at once, even if its subdomain was looked up before it existed', async () => {
    const slug = `later-${unique()}`;
    expect(await resolveHost(subdomainOf(slug))).toEqual({ kind: 'unknown' });
    const partner = await makePartner('unused', { slug });
    expect(tenantOf(await resolveHost(subdomainOf(slug))).partnerId).toBe(partner.id);
  });
});
