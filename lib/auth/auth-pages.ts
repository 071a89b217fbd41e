import type { NextAuthConfig } from 'next-auth';
import { parseHost } from '@/lib/tenancy/parse-host';

/**
 * Auth.js's own pages (sign-in, sign-out, error, verify-request) are unbranded, so each of them sends people to
 * the sign-in page of the host they are on instead: the operator's on the platform host, the partner's (in its
 * brand) on any other, where an unknown host answers the neutral 404 as every page there does.
 */
export function authPagesFor(host: string | null | undefined, platformDomain: string): NextAuthConfig['pages'] {
  const login = parseHost(host, platformDomain).kind === 'platform' ? '/admin/login' : '/login';
  return { signIn: login, signOut: login, error: login, verifyRequest: login };
}
