import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActionForm, ActionTextField } from '@/components/console/action-form';
import { BrandMark } from '@/components/brand/brand-mark';
import { SubmitButton } from '@/components/ui/submit-button';
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
    <main className="grid min-h-dvh place-items-center p-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <div className="flex flex-col items-center gap-2 text-center">
          <BrandMark brand={tenant.brand} size="lg" />
          <h1 className="text-lg font-semibold">Join {invite.clientName}</h1>
          <p className="text-sm text-slate-600">
            Choose a password for {invite.email} on {tenant.brand.productName}.
          </p>
        </div>
        <ActionForm action={acceptMemberInviteAction} className="space-y-4">
          <input type="hidden" name="token" value={token} />
          <ActionTextField label="Your name" name="name" defaultValue={invite.name} required autoComplete="name" />
          <ActionTextField label="Password" name="password" type="password" required autoComplete="new-password" hint="At least 10 characters, letters mixed with digits or symbols." />
          <SubmitButton className="w-full">Join</SubmitButton>
        </ActionForm>
      </div>
    </main>
  );
}
