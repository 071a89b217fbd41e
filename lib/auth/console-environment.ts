import 'server-only';
import { cookies } from 'next/headers';
import { getConfig } from '@/lib/config';
import type { Environment } from '@/lib/partners/sandbox';

/**
 * The console's Live/Test switch. It is a view preference of one browser on one host (the cookie has no
 * Domain attribute, so each partner host keeps its own), never an authorisation: which partner rows a page may
 * see is still decided from the session, and the sandbox is derived from the live partner on the server.
 */
export const environmentCookie = 'console_env';

export function parseEnvironment(value: unknown): Environment {
  return value === 'test' ? 'test' : 'live';
}

export async function readConsoleEnvironment(): Promise<Environment> {
  return parseEnvironment((await cookies()).get(environmentCookie)?.value);
}

/** Only from a server action or route handler (Next refuses to set cookies while rendering). */
export async function writeConsoleEnvironment(environment: Environment): Promise<void> {
  (await cookies()).set(environmentCookie, environment, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: getConfig().PLATFORM_URL.startsWith('https://'),
    // A year: the choice should survive signing out and in again, as a dashboard preference does.
    maxAge: 365 * 24 * 60 * 60,
  });
}
