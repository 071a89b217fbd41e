import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AcceptInvitationForm } from '@/components/auth/accept-invitation-form';
import { AuthPanel } from '@/components/auth/auth-panel';
import { currentTenant } from '@/lib/auth/session';
import { findMemberInvite } from '@/lib/client-members/accept-member-invite';
import { acceptMemberInviteAction } from './actions';

export const metadata: Metadata = { title: 'Accept your invitation' };

/** Where an invitation to a client's account leads: the invitee chooses a password, in the partner's brand. */
export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const tenant = await currentTenant();
  const invite = tenant ? await findMemberInvite(tenant.partnerId, token) : null;
  if (!tenant || !invite) notFound();
  return (
    <AuthPanel brand={tenant.brand} title={`Join ${invite.clientName}`} description={`Choose a password for ${invite.email} on ${tenant.brand.productName}.`}>
      <AcceptInvitationForm action={acceptMemberInviteAction} token={token} name={invite.name} />
    </AuthPanel>
  );
}
