import 'server-only';
import { redirect } from 'next/navigation';
import type { PartnerCtx } from '@/lib/audit/context';
import type { Tenant } from '@/lib/tenancy/resolve-host';
import { currentTenant, getClientMemberSession, requestIp } from './session';

export type PortalSession = { tenant: Tenant; member: { id: string; name: string; email: string; clientId: string }; ctx: PartnerCtx };

/** For the client portal's pages and actions: the signed-in client member of this host, or off to sign in. */
export async function requirePortalSession(): Promise<PortalSession> {
  const tenant = await currentTenant();
  const member = tenant ? await getClientMemberSession(tenant) : null;
  if (!tenant || !member) redirect('/login');
  if (member.mustChangePassword) redirect('/password');
  const ctx: PartnerCtx = { partnerId: tenant.partnerId, actor: { type: 'client_member', id: member.id, partnerId: tenant.partnerId, clientId: member.clientId }, ip: await requestIp() };
  return { tenant, member: { id: member.id, name: member.name, email: member.email, clientId: member.clientId }, ctx };
}
