import { isIP } from 'node:net';
import { getConfig } from '@/lib/config';
import { normaliseHostname } from './hostname';
import { peerAddress } from './peer-address';

/**
 * The caller's IP, for throttling and the audit trail (never for access decisions).
 *
 * With no trusted proxy (TRUSTED_PROXY_HOPS=0) it is the address of the socket the request came in on, and
 * X-Forwarded-For is ignored: a caller talking to the app directly writes that header itself, and could
 * otherwise pick the address its failed sign-ins are counted against (lock out someone else's, dodge its own).
 *
 * Behind proxies, X-Forwarded-For reads left to right as client, proxy, proxy…; each proxy appends the address
 * it received the request from, so only the entries the trusted proxies wrote can be believed, and everything
 * to their left is whatever the caller chose to send. With `hops` trusted proxies the caller is the entry that
 * many places from the right: the address the outermost trusted proxy saw. X-Real-IP is never read.
 */
export function clientIp(headers: Headers, hops = getConfig().TRUSTED_PROXY_HOPS): string | null {
  if (hops === 0) {
    const peer = peerAddress(headers);
    return peer ? bareAddress(peer) : null;
  }
  const entries = (headers.get('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  if (!entries.length) return null;
  // Fewer entries than trusted proxies means a proxy replaced the header rather than appending to it: the
  // left-most entry was then written by a trusted proxy too.
  return bareAddress(entries[Math.max(0, entries.length - hops)]!);
}

/** An address without the port some proxies add (`203.0.113.7:51234`, `[2001:db8::1]:443`); null if not an IP. */
function bareAddress(entry: string): string | null {
  const address = /^\[(.+)\](?::\d+)?$/.exec(entry)?.[1] ?? /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry)?.[1] ?? entry;
  return isIP(address) ? address : null;
}

/**
 * The origin the caller reached us at, for links in answers (a problem's `type`): host and port from the Host
 * header, so a partner host links to its own pages and never names the platform's; the scheme from
 * PLATFORM_URL, since TLS usually ends at the load balancer. `request.url` will not do: behind `next start`
 * it carries the server's own host name whatever the caller asked for. A Host that is not a host name gets
 * PLATFORM_URL's origin.
 */
export function requestOrigin(request: Request): string {
  const platform = new URL(getConfig().PLATFORM_URL);
  const host = request.headers.get('host')?.trim().toLowerCase();
  return host && normaliseHostname(host) ? `${platform.protocol}//${host}` : platform.origin;
}
