import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { logger } from '@/lib/log/logger';
import { authenticate, type SessionUser } from './authenticate';
import { clientIp } from '@/lib/http/request-info';

/** Thrown to the sign-in form with the lock's end, so it can say how long to wait. */
class AccountLocked extends CredentialsSignin {
  constructor(until: Date) {
    super();
    this.code = `locked:${until.toISOString()}`;
  }
}

const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(1024) });

declare module 'next-auth' {
  interface Session {
    user: SessionUser;
  }
  interface User {
    audience?: SessionUser['audience'];
    partnerId?: string | null;
  }
}

function config(): NextAuthConfig {
  return {
    secret: getConfig().authSecret,
    // Every partner host is a legitimate origin; which partner a request belongs to is decided per request.
    trustHost: true,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/login' },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const result = await authenticate({ ...parsed.data, host: request.headers.get('host'), ip: clientIp(request.headers) });
          if (result.ok) return result.user;
          if (result.reason === 'locked') throw new AccountLocked(result.until);
          return null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.audience = user.audience;
          token.partnerId = user.partnerId ?? null;
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.sub!,
          name: session.user?.name ?? '',
          email: session.user?.email ?? '',
          audience: token.audience as SessionUser['audience'],
          partnerId: (token.partnerId as string | null) ?? null,
        } as typeof session.user;
        return session;
      },
    },
    // Auth.js logs every wrong password with a stack trace; a failed sign-in is an expected event.
    logger: {
      error(error) {
        if (error.name === 'CredentialsSignin' || error instanceof CredentialsSignin) return;
        logger.error('auth error', { name: error.name, message: error.message });
      },
      warn() {},
      debug() {},
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());

/** The lock's end encoded in a CredentialsSignin code, or null for a plain wrong password. */
export function lockEndFromCode(code: string | undefined): Date | null {
  if (!code?.startsWith('locked:')) return null;
  const until = new Date(code.slice('locked:'.length));
  return Number.isNaN(until.getTime()) ? null : until;
}
