import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AcceptInvitationForm } from '@/components/auth/accept-invitation-form';
import { AuthPanel } from '@/components/auth/auth-panel';
import { currentTenant } from '@/lib/auth/session';
import { findInvite } from '@/lib/team/accept-invite';
import { acceptInviteAction } from './actions';

export const metadata: Metadata = { title: 'Join the team' };

/** Where an invitation to the partner's team leads: the invitee chooses a password, in the partner's brand. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const tenant = await currentTenant();
  const invite = tenant ? await findInvite(tenant.partnerId, token) : null;
  if (!tenant || !invite) notFound();
  return (
    <AuthPanel brand={tenant.brand} title={`Join ${tenant.brand.productName}`} description={`Choose a password for ${invite.email}.`}>
      <AcceptInvitationForm action={acceptInviteAction} token={token} name={invite.name} />
    </AuthPanel>
  );
}
