'use client';

import { useActionState } from 'react';
import { TextField } from '@/components/ui/form-field';
import { FollowRedirect } from '@/components/ui/follow-redirect';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { idleState, type FormState } from '@/lib/actions/form-state';

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState> };

export function LoginForm({ action }: Props) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FollowRedirect to={state.redirectTo} />
      <FormMessage kind="error" message={state.message} />
      <TextField label="E-mail" name="email" type="email" autoComplete="username" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={state.fieldErrors?.password} />
      <SubmitButton className="w-full" pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
