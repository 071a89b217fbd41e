'use client';

import { useActionState } from 'react';
import { TextField } from '@/components/ui/form-field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { idleState, type FormState } from '@/lib/actions/form-state';

/** Asks for a reset link. After sending, it says the one thing it may: check your inbox (never whether the address exists). */
export function ForgotPasswordForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.status === 'success' ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {state.message}
        </p>
      ) : null}
      <FormMessage kind="error" message={state.status === 'error' && !state.fieldErrors ? state.message : undefined} />
      <TextField label="E-mail" name="email" type="email" autoComplete="username" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <SubmitButton className="w-full" pendingLabel="Sending…">
        Send me a reset link
      </SubmitButton>
    </form>
  );
}
