import type { Metadata } from 'next';
import { ClientMembersPanel } from '@/components/members/client-members-panel';
import { requirePortalSession } from '@/lib/auth/portal-session';
import { listClientMembers } from '@/lib/client-members/manage-client-members';
import { portalClientId, portalOverview } from '@/lib/portal/portal-data';
import { changeMemberRoleAction, inviteMemberAction, removeMemberAction } from './actions';

export const metadata: Metadata = { title: 'Members' };

export default async function PortalMembersPage() {
  const { ctx, member } = await requirePortalSession();
  const clientId = portalClientId(ctx);
  const [members, { role }] = await Promise.all([listClientMembers(ctx, clientId), portalOverview(ctx)]);
  return (
    <>
      <h1 className="text-2xl font-semibold">Members</h1>
      <ClientMembersPanel members={members} clientId={clientId} canManage={role === 'owner'} selfId={member.id} actions={{ invite: inviteMemberAction, changeRole: changeMemberRoleAction, remove: removeMemberAction }} />
    </>
  );
}
