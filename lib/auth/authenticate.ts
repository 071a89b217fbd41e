import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { clientMembers, clients, operatorUsers, partnerUsers } from '@/db/schema';
import { resolveHost } from '@/lib/tenancy/resolve-host';
import { verifyAgainstDecoy, verifyPassword } from './password';
import { clearAccountFailures, currentLock, failureDelayMs, recordFailure, throttleKeys, type ThrottleLock } from './login-throttle';

/** What a session remembers about who signed in, and on which partner's host. */
export type SessionUser = {
  id: string;
  name: string;
  email: string;
  audience: 'operator' | 'partner' | 'client';
  /** The partner whose host the session was made on; null for operator sessions on the platform host. */
  partnerId: string | null;
};

export type AuthenticateResult = { ok: true; user: SessionUser } | { ok: false; reason: 'invalid' } | ({ ok: false; reason: 'locked' } & ThrottleLock);

type Candidate = { id: string; name: string; email: string; passwordHash: string | null; audience: SessionUser['audience'] };

/** The accounts an e-mail can sign in to on this host: operators on the platform host; staff, then client members, on a partner's. */
async function candidatesFor(host: Awaited<ReturnType<typeof resolveHost>>, email: string): Promise<Candidate[]> {
  const db = getDb();
  if (host.kind === 'platform') {
    const rows = await db.select().from(operatorUsers).where(eq(operatorUsers.email, email)).limit(1);
    return rows.filter((r) => !r.disabledAt).map((r) => ({ ...r, audience: 'operator' as const }));
  }
  if (host.kind !== 'partner') return [];
  const partnerId = host.tenant.partnerId;
  const staff = await db
    .select({ id: partnerUsers.id, name: partnerUsers.name, email: partnerUsers.email, passwordHash: partnerUsers.passwordHash })
    .from(partnerUsers)
    .where(and(eq(partnerUsers.partnerId, partnerId), eq(partnerUsers.email, email)))
    .limit(1);
  const members = await db
    .select({ id: clientMembers.id, name: clientMembers.name, email: clientMembers.email, passwordHash: clientMembers.passwordHash })
    .from(clientMembers)
    .innerJoin(clients, eq(clients.id, clientMembers.clientId))
    .where(and(eq(clientMembers.partnerId, partnerId), eq(clientMembers.email, email), eq(clients.status, 'active')))
    .limit(1);
  return [...staff.map((r) => ({ ...r, audience: 'partner' as const })), ...members.map((r) => ({ ...r, audience: 'client' as const }))];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks an e-mail and password for the host they were sent to. An account only exists on its own partner's
 * hosts, so acme's credentials are simply unknown on globex's. Failures are throttled per account and IP.
 */
export async function authenticate(input: { host: string | null; email: string; password: string; ip: string | null }): Promise<AuthenticateResult> {
  const email = input.email.trim().toLowerCase();
  const host = await resolveHost(input.host);
  if (host.kind === 'unknown' || (host.kind === 'partner' && host.tenant.status !== 'active')) return { ok: false, reason: 'invalid' };

  const partnerId = host.kind === 'partner' ? host.tenant.partnerId : null;
  const keys = throttleKeys(partnerId ?? 'platform', email, input.ip);
  const lock = await currentLock(keys);
  if (lock) return { ok: false, reason: 'locked', ...lock };

  const candidates = await candidatesFor(host, email);
  for (const candidate of candidates) {
    if (await verifyPassword(candidate.passwordHash, input.password)) {
      await clearAccountFailures(keys);
      return { ok: true, user: { id: candidate.id, name: candidate.name, email: candidate.email, audience: candidate.audience, partnerId } };
    }
  }
  if (candidates.length === 0) await verifyAgainstDecoy(input.password);

  const failure = await recordFailure(keys);
  await sleep(failureDelayMs(failure.failures));
  return failure.lock ? { ok: false, reason: 'locked', ...failure.lock } : { ok: false, reason: 'invalid' };
}
