import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { logger } from '@/lib/log/logger';
import { safeErrorStack } from '@/lib/log/safe-error';
import { authPagesFor } from './auth-pages';
import { authenticate, type SessionUser } from './authenticate';
import type { ThrottleLock } from './login-throttle';
import { sessionIsOpen, sessionLifetimeMs, startAuthSession } from './auth-sessions';
import { clientIp } from '@/lib/http/request-info';

/** Thrown to the sign-in form with what is locked and until when, so it can say which and how long to wait. */
class SignInLocked extends CredentialsSignin {
  constructor(lock: ThrottleLock) {
    super();
    this.code = `locked:${lock.locked}:${lock.until.toISOString()}`;
  }
}

const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(1024) });

declare module 'next-auth' {
  interface Session {
    /** sessionId names the auth_sessions row that every request checks is still open (see auth-sessions.ts). */
    user: SessionUser & { sessionId: string };
  }
  interface User {
    audience?: SessionUser['audience'];
    partnerId?: string | null;
    sessionId?: string;
  }
}

function config(request?: NextRequest): NextAuthConfig {
  return {
    secret: getConfig().authSecret,
    // Every partner host is a legitimate origin; which partner a request belongs to is decided per request.
    trustHost: true,
    session: { strategy: 'jwt', maxAge: sessionLifetimeMs / 1000 },
    // Without a request (sign-in and sign-out from a server action) no page is shown, so the host does not matter.
    pages: authPagesFor(request?.headers.get('host'), getConfig().PLATFORM_DOMAIN),
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const result = await authenticate({ ...parsed.data, host: request.headers.get('host'), ip: clientIp(request.headers) });
          if (result.ok) {
            const sessionId = await startAuthSession({ audience: result.user.audience, accountId: result.user.id, partnerId: result.user.partnerId });
            return { ...result.user, sessionId };
          }
          if (result.reason === 'locked') throw new SignInLocked(result);
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
          token.sid = user.sessionId;
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
          sessionId: (token.sid as string | undefined) ?? '',
        } as typeof session.user;
        return session;
      },
    },
    // Auth.js logs every wrong password with a stack trace; a failed sign-in is an expected event.
    logger: {
      error(error) {
        if (error.name === 'CredentialsSignin' || error instanceof CredentialsSignin) return;
        // Auth.js keeps the real failure (a database error, say) under cause.err and says only "Read more" itself.
        const cause: unknown = (error.cause as { err?: unknown } | undefined)?.err ?? error;
        logger.error('auth error', { name: error.name, error: safeErrorStack(cause) });
      },
      warn() {},
      debug() {},
    },
  };
}

const nextAuth = NextAuth((request) => config(request));
export const { auth, signIn, signOut } = nextAuth;

/**
 * Auth.js's own routes. Its session endpoint reads the cookie alone, so it answers for an ended session too:
 * there the row is checked first, and an ended session answers as no session at all.
 */
export const handlers = {
  POST: nextAuth.handlers.POST,
  async GET(request: NextRequest) {
    if (new URL(request.url).pathname.endsWith('/session')) {
      const session = await auth();
      if (session && !(await sessionIsOpen(session.user.sessionId, session.user.id))) return Response.json(null);
    }
    return nextAuth.handlers.GET(request);
  },
};

/** The lock encoded in a CredentialsSignin code, or null for a plain wrong password. */
export function lockFromCode(code: string | undefined): ThrottleLock | null {
  const [, locked, end] = /^locked:(account|ip):(.+)$/.exec(code ?? '') ?? [];
  const until = new Date(end ?? '');
  return locked && !Number.isNaN(until.getTime()) ? { locked: locked as ThrottleLock['locked'], until } : null;
}
