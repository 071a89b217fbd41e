'use client';

import { useActionState } from 'react';
import { FollowRedirect } from '@/components/ui/follow-redirect';
import { SubmitButton } from '@/components/ui/submit-button';
import { idleState, type FormState } from '@/lib/actions/form-state';

export function SignOutButton({ action, className }: { action: (state: FormState) => Promise<FormState>; className?: string }) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction}>
      <FollowRedirect to={state.redirectTo} />
      <SubmitButton variant="ghost" size="sm" className={className}>
        Sign out
      </SubmitButton>
    </form>
  );
}
