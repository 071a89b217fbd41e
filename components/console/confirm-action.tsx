'use client';

import { useState, type ReactNode } from 'react';
import { ActionFormStateProvider } from '@/components/console/action-form';
import { ConfirmDialog, type ConfirmDialogProps } from '@/components/ui/dialog';
import { toast } from '@/components/ui/toast';
import { idleState, type FormState } from '@/lib/actions/form-state';

type Props = Omit<ConfirmDialogProps, 'action' | 'onConfirm'> & {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  children?: ReactNode;
};

/**
 * A confirmed server action whose outcome (success or a refusal such as "must keep one owner") is toasted, and
 * whose `redirectTo` is followed. The toast is raised from the call itself, not from rendered state: the action
 * often removes the very row (and this component) it was started from. An error about one of the dialog's own
 * fields (children read it with useActionFormState) keeps the dialog open with the error beside that field.
 */
export function ConfirmAction({ action, children, ...dialog }: Props) {
  const [state, setState] = useState<FormState>(idleState);
  async function run(formData: FormData) {
    const outcome = await action(idleState, formData);
    if (outcome.status === 'error' && outcome.fieldErrors && Object.keys(outcome.fieldErrors).some((field) => formData.has(field) && !(field in (dialog.fields ?? {})))) {
      setState(outcome);
      return false;
    }
    setState(idleState);
    if (outcome.message) toast[outcome.status === 'error' ? 'error' : 'success'](outcome.message);
    if (outcome.redirectTo) window.location.assign(outcome.redirectTo);
  }
  return (
    <ConfirmDialog {...dialog} action={run} onClose={() => setState(idleState)}>
      {children ? <ActionFormStateProvider value={state}>{children}</ActionFormStateProvider> : null}
    </ConfirmDialog>
  );
}
