const label = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Lower-cases, drops the port, a trailing dot and a leading `www.`; null when it is not a DNS host name. It sits
 * below both the request helpers and tenancy, which each need it.
 */
export function normaliseHostname(host: string | null | undefined): string | null {
  if (!host) return null;
  let hostname = host.trim().toLowerCase();
  if (hostname.startsWith('[')) return null; // IPv6 literals never name a partner
  hostname = hostname.replace(/:\d+$/, '').replace(/\.$/, '');
  if (hostname.startsWith('www.')) hostname = hostname.slice(4);
  if (hostname.length === 0 || hostname.length > 253) return null;
  return hostname.split('.').every((part) => label.test(part)) ? hostname : null;
}
