'use client';

import { createContext, useActionState, useContext, type ComponentProps, type ReactNode } from 'react';
import { TextField } from '@/components/ui/form-field';
import { FollowRedirect } from '@/components/ui/follow-redirect';
import { FormMessage } from '@/components/ui/form-message';
import { ToastOnChange } from '@/components/ui/toast';
import { idleState, type FormState } from '@/lib/actions/form-state';

const ActionFormState = createContext<FormState>(idleState);

/** The state of the enclosing ActionForm: its fields read their error and echoed value from it. */
export function useActionFormState(): FormState {
  return useContext(ActionFormState);
}

type Props<Data> = {
  action: (state: FormState<Data>, formData: FormData) => Promise<FormState<Data>>;
  className?: string;
  children: ReactNode;
  /** Toast the success message (default), or leave it to a child that shows the result (e.g. a secret shown once). */
  toastSuccess?: boolean;
};

/**
 * A form bound to a server action that server pages can use directly: form-level errors on top, success toasted,
 * and field errors delivered to ActionTextField children through context.
 */
export function ActionForm<Data>({ action, className, children, toastSuccess = true }: Props<Data>) {
  const [state, formAction] = useActionState(action, idleState as FormState<Data>);
  return (
    <ActionFormState value={state}>
      <form action={formAction} className={className} noValidate>
        <FollowRedirect to={state.redirectTo} />
        {toastSuccess ? <ToastOnChange message={state.status === 'success' ? state.message : undefined} token={state.at} /> : null}
        <FormMessage kind="error" message={state.status === 'error' && !state.fieldErrors ? state.message : undefined} />
        {children}
      </form>
    </ActionFormState>
  );
}

/** A text field inside an ActionForm: shows its error and keeps what was typed after a failed submission. */
export function ActionTextField(props: Omit<ComponentProps<typeof TextField>, 'error'>) {
  const state = useActionFormState();
  const echoed = state.status === 'error' ? state.values?.[props.name] : undefined;
  return <TextField key={state.at} {...props} defaultValue={echoed ?? props.defaultValue} error={state.fieldErrors?.[props.name]} />;
}
