import { normaliseHostname } from '@/lib/http/hostname';

/**
 * What a Host header names, worked out without touching the database. The proxy uses this to decide between
 * the platform console and a partner's pages; `resolveHost` then finds the partner.
 */
export type ParsedHost =
  | { kind: 'platform'; hostname: string }
  | { kind: 'subdomain'; hostname: string; slug: string }
  | { kind: 'custom'; hostname: string }
  | { kind: 'invalid' };

export function parseHost(host: string | null | undefined, platformDomain: string): ParsedHost {
  const hostname = normaliseHostname(host);
  if (!hostname) return { kind: 'invalid' };
  if (hostname === platformDomain) return { kind: 'platform', hostname };
  const suffix = `.${platformDomain}`;
  if (hostname.endsWith(suffix)) {
    const slug = hostname.slice(0, -suffix.length);
    // Only one label deep: a.b.platform is not a partner (and must not be mistaken for one).
    return slug.includes('.') ? { kind: 'invalid' } : { kind: 'subdomain', hostname, slug };
  }
  return { kind: 'custom', hostname };
}
