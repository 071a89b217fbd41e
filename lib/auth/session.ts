import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { clientMembers, operatorUsers, partnerUsers } from '@/db/schema';
import type { PartnerCtx, Ctx } from '@/lib/audit/context';
import { clientIp } from '@/lib/http/request-info';
import { contextForEnvironment, type Environment } from '@/lib/partners/sandbox';
import { resolveHost, type Tenant } from '@/lib/tenancy/resolve-host';
import { auth } from './auth';
import { openSessionOf } from './auth-sessions';
import { readConsoleEnvironment } from './console-environment';

export async function requestIp(): Promise<string | null> {
  return clientIp(await headers());
}

/** The partner whose host this request came to, or null on the platform host or an unknown one. */
export async function currentTenant(): Promise<Tenant | null> {
  const host = await resolveHost((await headers()).get('host'));
  return host.kind === 'partner' ? host.tenant : null;
}

export type StaffSession = {
  ctx: PartnerCtx;
  user: { id: string; name: string; email: string; role: 'owner' | 'admin' | 'member' };
  sessionId: string;
  /** The password was set by someone else: nothing but choosing a new one is allowed until it is changed. */
  mustChangePassword: boolean;
};

/**
 * The signed-in partner user, if the session was made on this partner's host, is still open (not signed out,
 * nor ended by a password change, role change or removal) and the user still exists. The role is read fresh
 * from the database so a demotion takes effect at once.
 */
export async function getStaffSession(tenant: Tenant): Promise<StaffSession | null> {
  const session = await auth();
  if (session?.user.audience !== 'partner' || session.user.partnerId !== tenant.partnerId || tenant.status !== 'active') return null;
  const [user] = await getDb()
    .select({ id: partnerUsers.id, name: partnerUsers.name, email: partnerUsers.email, role: partnerUsers.role, passwordHash: partnerUsers.passwordHash, mustChangePassword: partnerUsers.mustChangePassword })
    .from(partnerUsers)
    .where(and(eq(partnerUsers.id, session.user.id), eq(partnerUsers.partnerId, tenant.partnerId), openSessionOf(session.user.sessionId, partnerUsers.id)))
    .limit(1);
  if (!user?.passwordHash) return null;
  const { id, name, email, role } = user;
  return {
    user: { id, name, email, role },
    sessionId: session.user.sessionId,
    mustChangePassword: user.mustChangePassword,
    ctx: { partnerId: tenant.partnerId, actor: { type: 'partner_user', id: user.id, partnerId: tenant.partnerId, role: user.role }, ip: await requestIp() },
  };
}

/**
 * For pages and actions of the partner console: the staff session, or off to the sign-in page (or, with a
 * temporary password, to the page that changes it).
 */
export async function requireStaffSession(): Promise<StaffSession & { tenant: Tenant }> {
  const tenant = await currentTenant();
  if (!tenant) redirect('/login');
  const staff = await getStaffSession(tenant);
  if (!staff) redirect('/login');
  if (staff.mustChangePassword) redirect('/password');
  return { ...staff, tenant };
}

export type ConsoleSession = StaffSession & {
  tenant: Tenant;
  /** The console's Live/Test switch. */
  environment: Environment;
  /**
   * The context for partner data that exists per environment (API requests, webhooks, events, audit, later
   * clients): the live partner, or in test mode its sandbox, which is a partner row of its own so test rows can
   * never appear among live ones. Settings of the partner itself (branding, domains, team, API keys of both
   * modes) keep using `ctx`, which always names the live partner.
   */
  dataCtx: PartnerCtx;
};

/** For console pages and actions that show partner data: the staff session plus the environment it acts in. */
export async function requireConsoleSession(): Promise<ConsoleSession> {
  const staff = await requireStaffSession();
  const environment = await readConsoleEnvironment();
  return { ...staff, environment, dataCtx: await contextForEnvironment(staff.ctx, environment) };
}

export async function getClientMemberSession(tenant: Tenant) {
  const session = await auth();
  if (session?.user.audience !== 'client' || session.user.partnerId !== tenant.partnerId) return null;
  const [member] = await getDb()
    .select({ id: clientMembers.id, name: clientMembers.name, email: clientMembers.email, clientId: clientMembers.clientId, mustChangePassword: clientMembers.mustChangePassword })
    .from(clientMembers)
    .where(and(eq(clientMembers.id, session.user.id), eq(clientMembers.partnerId, tenant.partnerId), openSessionOf(session.user.sessionId, clientMembers.id)))
    .limit(1);
  return member ? { ...member, sessionId: session.user.sessionId } : null;
}

export type OperatorSession = { ctx: Ctx; user: { id: string; name: string; email: string }; sessionId: string; mustChangePassword: boolean };

export async function getOperatorSession(): Promise<OperatorSession | null> {
  const host = await resolveHost((await headers()).get('host'));
  if (host.kind !== 'platform') return null;
  const session = await auth();
  if (session?.user.audience !== 'operator' || session.user.partnerId !== null) return null;
  const [row] = await getDb()
    .select({ id: operatorUsers.id, name: operatorUsers.name, email: operatorUsers.email, mustChangePassword: operatorUsers.mustChangePassword })
    .from(operatorUsers)
    .where(and(eq(operatorUsers.id, session.user.id), isNull(operatorUsers.disabledAt), openSessionOf(session.user.sessionId, operatorUsers.id)))
    .limit(1);
  if (!row) return null;
  const { mustChangePassword, ...user } = row;
  return { user, sessionId: session.user.sessionId, mustChangePassword, ctx: { actor: { type: 'operator', id: user.id }, ip: await requestIp() } };
}

export async function requireOperatorSession(): Promise<OperatorSession> {
  const operator = await getOperatorSession();
  if (!operator) redirect('/admin/login');
  if (operator.mustChangePassword) redirect('/admin/password');
  return operator;
}

/** Whoever is signed in on this host, of any audience: for the pages every account has (password, sign-out). */
export type SignedInAccount = { audience: 'operator' | 'partner' | 'client'; id: string; name: string; email: string; partnerId: string | null; sessionId: string; mustChangePassword: boolean; ctx: Ctx };

export async function getSignedInAccount(): Promise<SignedInAccount | null> {
  const operator = await getOperatorSession();
  if (operator) return { audience: 'operator', ...operator.user, partnerId: null, sessionId: operator.sessionId, mustChangePassword: operator.mustChangePassword, ctx: operator.ctx };
  const tenant = await currentTenant();
  if (!tenant) return null;
  const staff = await getStaffSession(tenant);
  if (staff) return { audience: 'partner', ...staff.user, partnerId: tenant.partnerId, sessionId: staff.sessionId, mustChangePassword: staff.mustChangePassword, ctx: staff.ctx };
  const member = await getClientMemberSession(tenant);
  if (!member) return null;
  const ctx: PartnerCtx = { partnerId: tenant.partnerId, actor: { type: 'client_member', id: member.id, partnerId: tenant.partnerId, clientId: member.clientId }, ip: await requestIp() };
  return { audience: 'client', id: member.id, name: member.name, email: member.email, partnerId: tenant.partnerId, sessionId: member.sessionId, mustChangePassword: member.mustChangePassword, ctx };
}
