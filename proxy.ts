import { NextResponse, type NextRequest } from 'next/server';
import { parseHost } from '@/lib/tenancy/parse-host';
import { tenantPathPrefix } from '@/lib/tenancy/tenant-path';

/**
 * Host → tenant rewrite, and nothing else: no database and no session work here (both cost throughput on
 * every request, and pages and actions authorise again anyway).
 *
 * - The platform host serves its own routes (`/`, `/admin`, `/docs`).
 * - Any other host is rewritten to `/t/<host>/…` (app/t/[host]), whose layout finds the partner, or shows
 *   the neutral 404 when the host is unknown or unverified.
 * - The internal prefix is refused when asked for directly, so one host cannot be made to show another's pages.
 */
export function proxy(request: NextRequest) {
  const platformDomain = process.env.PLATFORM_DOMAIN?.trim().toLowerCase() || 'localhost';
  const { pathname } = request.nextUrl;
  if (pathname === tenantPathPrefix || pathname.startsWith(`${tenantPathPrefix}/`)) {
    return new NextResponse('Not found', { status: 404 });
  }
  const host = parseHost(request.headers.get('host'), platformDomain);
  if (host.kind === 'platform') return NextResponse.next();

  const url = request.nextUrl.clone();
  url.pathname = `${tenantPathPrefix}/${host.kind === 'invalid' ? 'invalid.host' : host.hostname}${pathname}`;
  return NextResponse.rewrite(url);
}

export const config = {
  // Off static files, Next internals, the auth endpoints (host-aware on their own), the REST API and the IVR
  // Solutions compatibility paths (both answer on every host and check the host themselves).
  matcher: ['/((?!_next/static|_next/image|api/|partnerclients(?:/|$)|favicon.ico|robots.txt).*)'],
};
