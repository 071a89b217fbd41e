import { getConfig } from '@/lib/config';
import { normaliseHostname } from '@/lib/tenancy/parse-host';

/**
 * The caller's IP: the first X-Forwarded-For hop set by the load balancer in front of the app, else
 * X-Real-IP. Only used for throttling and the audit trail, never for access decisions.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip') || null;
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
