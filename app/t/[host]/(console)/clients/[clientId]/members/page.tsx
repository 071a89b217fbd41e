import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ClientTabs } from '@/components/clients/client-tabs';
import { ClientMembersPanel } from '@/components/members/client-members-panel';
import { PageHeader } from '@/components/ui/page-header';
import { requireConsoleSession } from '@/lib/auth/session';
import { listClientMembers } from '@/lib/client-members/manage-client-members';
import { AppError } from '@/lib/errors/app-error';
import { changeClientMemberRoleAction, inviteClientMemberAction, removeClientMemberAction } from './actions';

export const metadata: Metadata = { title: 'Client members' };

export default async function ClientMembersPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const { dataCtx, user } = await requireConsoleSession();
  const members = await listClientMembers(dataCtx, clientId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/clients" className="text-slate-600 underline-offset-2 hover:underline">
          ← Clients
        </Link>
      </p>
      <PageHeader title="Members" description="The people who sign in to this client’s portal on your host." />
      <ClientTabs clientId={clientId} />
      <div className="space-y-6">
        <ClientMembersPanel members={members} clientId={clientId} canManage={user.role !== 'member'} actions={{ invite: inviteClientMemberAction, changeRole: changeClientMemberRoleAction, remove: removeClientMemberAction }} />
      </div>
    </>
  );
}
