import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { partnerHostnames, partners } from '@/db/schema';
import { hostOrigin, partnerUrl } from './urls';

/**
 * The host a partner's clients should meet it on: its custom domain once verified (the most recently verified,
 * when it has several), else its platform subdomain. A sandbox has no host of its own and answers on its live
 * partner's. Null for an unknown partner.
 */
async function partnerHomeHost(q: Queryable, partnerId: string): Promise<{ kind: 'custom'; hostname: string } | { kind: 'subdomain'; slug: string } | null> {
  const [partner] = await q
    .select({ id: partners.id, slug: partners.slug, parentId: partners.parentId })
    .from(partners)
    .where(eq(partners.id, partnerId));
  if (!partner) return null;
  const [live] = partner.parentId ? await q.select({ id: partners.id, slug: partners.slug }).from(partners).where(eq(partners.id, partner.parentId)) : [partner];
  if (!live) return null;
  const [custom] = await q
    .select({ hostname: partnerHostnames.hostname })
    .from(partnerHostnames)
    .where(and(eq(partnerHostnames.partnerId, live.id), eq(partnerHostnames.status, 'verified')))
    .orderBy(sql`${partnerHostnames.verifiedAt} desc nulls last`, desc(partnerHostnames.id))
    .limit(1);
  return custom ? { kind: 'custom', hostname: custom.hostname } : { kind: 'subdomain', slug: live.slug };
}

/** An absolute URL on the partner's home host (see partnerHomeHost), for links sent to its clients. */
export async function partnerHomeUrl(q: Queryable, partnerId: string, path = '/'): Promise<string> {
  const host = await partnerHomeHost(q, partnerId);
  if (!host) throw new Error(`No partner ${partnerId}`);
  return host.kind === 'custom' ? new URL(path, hostOrigin(host.hostname)).toString() : partnerUrl(host.slug, path);
}
