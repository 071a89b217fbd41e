'use client';

import type { ReactNode } from 'react';
import { ActionForm, ActionTextField } from '@/components/console/action-form';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/actions/form-state';

/** A new password, typed twice; both fields start empty again after an error (a password is never echoed). */
export function NewPasswordForm({ action, submitLabel = 'Save password', children }: { action: (state: FormState, formData: FormData) => Promise<FormState>; submitLabel?: string; children?: ReactNode }) {
  return (
    <ActionForm action={action} className="space-y-4">
      {children}
      <ActionTextField label="New password" name="password" type="password" required autoComplete="new-password" hint="At least 10 characters, letters mixed with digits or symbols." />
      <ActionTextField label="New password again" name="password_confirmation" type="password" required autoComplete="new-password" />
      <SubmitButton className="w-full">{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
