'use client';

import { useActionState } from 'react';
import { FollowRedirect } from '@/components/ui/follow-redirect';
import { SubmitButton } from '@/components/ui/submit-button';
import { idleState, type FormState } from '@/lib/actions/form-state';

type Props = { action: (state: FormState) => Promise<FormState>; className?: string; label?: string; variant?: 'ghost' | 'secondary' };

export function SignOutButton({ action, className, label = 'Sign out', variant = 'ghost' }: Props) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction}>
      <FollowRedirect to={state.redirectTo} />
      <SubmitButton variant={variant} size="sm" className={className}>
        {label}
      </SubmitButton>
    </form>
  );
}
