import { ActionForm, ActionTextField } from '@/components/console/action-form';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/actions/form-state';

/** Accepting an invitation (to a partner's team or a client's account): the invitee's name and a new password. */
export function AcceptInvitationForm({ action, token, name }: { action: (state: FormState, formData: FormData) => Promise<FormState>; token: string; name: string | null }) {
  return (
    <ActionForm action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <ActionTextField label="Your name" name="name" defaultValue={name ?? undefined} required autoComplete="name" />
      <ActionTextField label="Password" name="password" type="password" required autoComplete="new-password" hint="At least 10 characters, letters mixed with digits or symbols." />
      <SubmitButton className="w-full">Join</SubmitButton>
    </ActionForm>
  );
}
