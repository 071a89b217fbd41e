/**
 * What a Host header names, worked out without touching the database. The proxy uses this to decide between
 * the platform console and a partner's pages; `resolveHost` then finds the partner.
 */
export type ParsedHost =
  | { kind: 'platform'; hostname: string }
  | { kind: 'subdomain'; hostname: string; slug: string }
  | { kind: 'custom'; hostname: string }
  | { kind: 'invalid' };

const label = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Lower-cases, drops the port, a trailing dot and a leading `www.`; null when it is not a DNS host name. */
export function normaliseHostname(host: string | null | undefined): string | null {
  if (!host) return null;
  let hostname = host.trim().toLowerCase();
  if (hostname.startsWith('[')) return null; // IPv6 literals never name a partner
  hostname = hostname.replace(/:\d+$/, '').replace(/\.$/, '');
  if (hostname.startsWith('www.')) hostname = hostname.slice(4);
  if (hostname.length === 0 || hostname.length > 253) return null;
  return hostname.split('.').every((part) => label.test(part)) ? hostname : null;
}

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
