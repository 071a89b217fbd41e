'use client';

import { useActionState, type ReactNode } from 'react';
import { ConfirmDialog, type ConfirmDialogProps } from '@/components/ui/dialog';
import { ToastOnChange } from '@/components/ui/toast';
import { idleState, type FormState } from '@/lib/actions/form-state';

type Props = Omit<ConfirmDialogProps, 'action' | 'onConfirm'> & {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  children?: ReactNode;
};

/** A confirmed server action whose outcome (success or a refusal such as "must keep one owner") is toasted. */
export function ConfirmAction({ action, ...dialog }: Props) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <>
      <ToastOnChange message={state.message} kind={state.status === 'error' ? 'error' : 'success'} token={state.at} />
      <ConfirmDialog {...dialog} action={formAction} />
    </>
  );
}
