import { logoVersionOf } from '@/lib/branding/logo-version';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { partnerBranding, partnerHostnames, partners } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { parseHost } from './parse-host';

/** What a partner host needs to render any page: who the partner is and how it looks. */
export type Tenant = {
  partnerId: string;
  slug: string;
  name: string;
  status: 'active' | 'suspended';
  kind: 'live' | 'sandbox';
  hostname: string;
  brand: {
    productName: string;
    primaryColor: string;
    secondaryColor: string;
    supportEmail: string | null;
    /** Changes whenever the logo does, so the logo URL can be cached for ever. Null when there is none. */
    logoVersion: string | null;
  };
};

export type ResolvedHost = { kind: 'platform' } | { kind: 'partner'; tenant: Tenant } | { kind: 'unknown' };

type CacheEntry = { value: ResolvedHost; expiresAt: number };

/**
 * Host → partner, cached in-process for HOST_CACHE_TTL_MS. Each change to a partner's domains, branding or
 * status calls `forgetTenant`, so this instance shows it at once; other instances see it within the TTL.
 *
 * On globalThis: Next bundles pages, route handlers and server actions separately, each with its own copy of
 * this module, and a change saved from a console action must reach the copy every other page and route reads.
 */
type HostCache = Map<string, CacheEntry>;
const cacheKey = Symbol.for('switchboard.hostCache');
const cache: HostCache = ((globalThis as typeof globalThis & { [cacheKey]?: HostCache })[cacheKey] ??= new Map());

export function forgetTenant(partnerId?: string): void {
  if (!partnerId) return cache.clear();
  for (const [host, entry] of cache) {
    if (entry.value.kind !== 'partner' || entry.value.tenant.partnerId === partnerId) cache.delete(host);
  }
}

export async function resolveHost(host: string | null | undefined): Promise<ResolvedHost> {
  const config = getConfig();
  const parsed = parseHost(host, config.PLATFORM_DOMAIN);
  if (parsed.kind === 'platform') return { kind: 'platform' };
  if (parsed.kind === 'invalid') return { kind: 'unknown' };

  const cached = cache.get(parsed.hostname);
  if (cached && cached.expiresAt > Date.now()) return cached.value;

  const tenant = parsed.kind === 'subdomain' ? await findBySlug(parsed.slug) : await findByVerifiedDomain(parsed.hostname);
  const value: ResolvedHost = tenant ? { kind: 'partner', tenant: { ...tenant, hostname: parsed.hostname } } : { kind: 'unknown' };
  if (cache.size > 10_000) cache.clear(); // bound memory against hosts made up by scanners
  cache.set(parsed.hostname, { value, expiresAt: Date.now() + config.HOST_CACHE_TTL_MS });
  return value;
}

/**
 * The tenant last looked up for a Host header, however stale, without asking the database: for the page that
 * says the database is away, which should still wear the partner's brand.
 */
export function lastKnownTenant(host: string | undefined): Tenant | null {
  const parsed = parseHost(host ?? null, getConfig().PLATFORM_DOMAIN);
  if (parsed.kind !== 'subdomain' && parsed.kind !== 'custom') return null;
  const value = cache.get(parsed.hostname)?.value;
  return value?.kind === 'partner' ? value.tenant : null;
}

const tenantColumns = {
  partnerId: partners.id,
  slug: partners.slug,
  name: partners.name,
  status: partners.status,
  kind: partners.kind,
  productName: partnerBranding.productName,
  primaryColor: partnerBranding.primaryColor,
  secondaryColor: partnerBranding.secondaryColor,
  supportEmail: partnerBranding.supportEmail,
  logoSha256: partnerBranding.logoSha256,
};

type TenantRow = { [K in keyof typeof tenantColumns]: (typeof tenantColumns)[K]['_']['data'] | null };

function toTenant(row: TenantRow | undefined): Omit<Tenant, 'hostname'> | null {
  if (!row || !row.partnerId) return null;
  return {
    partnerId: row.partnerId,
    slug: row.slug!,
    name: row.name!,
    status: row.status!,
    kind: row.kind!,
    brand: {
      productName: row.productName ?? row.name!,
      primaryColor: row.primaryColor ?? '#4f46e5',
      secondaryColor: row.secondaryColor ?? '#0f172a',
      supportEmail: row.supportEmail,
      logoVersion: row.logoSha256 ? logoVersionOf(row.logoSha256) : null,
    },
  };
}

async function findBySlug(slug: string) {
  const [row] = await getDb()
    .select(tenantColumns)
    .from(partners)
    .leftJoin(partnerBranding, eq(partnerBranding.partnerId, partners.id))
    .where(and(eq(partners.slug, slug), eq(partners.kind, 'live')))
    .limit(1);
  return toTenant(row);
}

async function findByVerifiedDomain(hostname: string) {
  const [row] = await getDb()
    .select(tenantColumns)
    .from(partnerHostnames)
    .innerJoin(partners, eq(partners.id, partnerHostnames.partnerId))
    .leftJoin(partnerBranding, eq(partnerBranding.partnerId, partners.id))
    .where(and(eq(partnerHostnames.hostname, hostname), eq(partnerHostnames.status, 'verified')))
    .limit(1);
  return toTenant(row);
}
