'use client';

import type { ReactNode } from 'react';
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
 * often removes the very row (and this component) it was started from.
 */
export function ConfirmAction({ action, ...dialog }: Props) {
  async function run(formData: FormData) {
    const state = await action(idleState, formData);
    if (state.message) toast[state.status === 'error' ? 'error' : 'success'](state.message);
    if (state.redirectTo) window.location.assign(state.redirectTo);
  }
  return <ConfirmDialog {...dialog} action={run} />;
}
