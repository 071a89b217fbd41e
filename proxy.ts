import { NextResponse, type NextRequest } from 'next/server';
import { newNonce, pageContentSecurityPolicy } from '@/lib/http/security-headers';
import { parseHost } from '@/lib/tenancy/parse-host';
import { tenantPathPrefix } from '@/lib/tenancy/tenant-path';

/**
 * Host → tenant rewrite and each page's Content-Security-Policy nonce, and nothing else: no database and no
 * session work here (both cost throughput on every request, and pages and actions authorise again anyway).
 *
 * - The platform host serves its own routes (`/`, `/admin`, `/docs`).
 * - Any other host is rewritten to `/t/<host>/…` (app/t/[host]), whose layout finds the partner, or shows
 *   the neutral 404 when the host is unknown or unverified.
 * - The internal prefix is refused when asked for directly, so one host cannot be made to show another's pages.
 * - A server action posted from another origin is refused with 403 here: Next refuses it too, but as a 500.
 */
export function proxy(request: NextRequest) {
  const platformDomain = process.env.PLATFORM_DOMAIN?.trim().toLowerCase() || 'localhost';
  const { pathname } = request.nextUrl;
  if (pathname === tenantPathPrefix || pathname.startsWith(`${tenantPathPrefix}/`)) {
    return new NextResponse('Not found', { status: 404 });
  }
  if (isForeignServerAction(request)) {
    return new NextResponse('This form was sent from another site, so it was not accepted.', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }

  const nonce = newNonce();
  const policy = pageContentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  requestHeaders.set('x-nonce', nonce);

  const host = parseHost(request.headers.get('host'), platformDomain);
  let response: NextResponse;
  if (host.kind === 'platform') {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else {
    const url = request.nextUrl.clone();
    url.pathname = `${tenantPathPrefix}/${host.kind === 'invalid' ? 'invalid.host' : host.hostname}${pathname}`;
    response = NextResponse.rewrite(url, { request: { headers: requestHeaders } });
  }
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

/**
 * The check Next makes before running a server action (the Origin's host against X-Forwarded-Host, else Host),
 * made first so that a refusal is a 403. A request without Origin passes on to Next, which decides as before.
 */
function isForeignServerAction(request: NextRequest): boolean {
  if (request.method !== 'POST' || !request.headers.has('next-action')) return false;
  const origin = request.headers.get('origin');
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true; // `Origin: null` (a sandboxed frame, a file) or garbage
  }
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host');
  return originHost.toLowerCase() !== host?.toLowerCase();
}

export const config = {
  // Off static files, Next internals, the auth endpoints (host-aware on their own), the REST API, the IVR
  // Solutions and Flowmatix compatibility paths (all answer on every host and check the host themselves).
  matcher: ['/((?!_next/static|_next/image|api/|partnerclients(?:/|$)|compat/flowmatix/api/|favicon.ico|robots.txt).*)'],
};
