'use client';

import { createContext, useActionState, useCallback, useContext, useMemo, useState, type ComponentProps, type ReactNode } from 'react';
import { FormField, TextField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { FollowRedirect } from '@/components/ui/follow-redirect';
import { FormMessage } from '@/components/ui/form-message';
import { ToastOnChange } from '@/components/ui/toast-on-change';
import { idleState, type FormState } from '@/lib/actions/form-state';

const ActionFormState = createContext<FormState>(idleState);

/**
 * Errors that something other than a resubmission has settled, by field, with when (a new code was sent, so
 * "Too many wrong codes" no longer holds). A field hides its error when it was settled after the error came.
 */
const SettledErrors = createContext<{ settledAt: Record<string, number>; settle: (field: string) => void } | null>(null);

export function SettledErrorsProvider({ children }: { children: ReactNode }) {
  const [settledAt, setSettledAt] = useState<Record<string, number>>({});
  const settle = useCallback((field: string) => setSettledAt((current) => ({ ...current, [field]: Date.now() })), []);
  const value = useMemo(() => ({ settledAt, settle }), [settledAt, settle]);
  return <SettledErrors value={value}>{children}</SettledErrors>;
}

/** Marks a field's error as no longer true (see SettledErrorsProvider); a no-op outside one. */
export function useSettleFieldError(): (field: string) => void {
  return useContext(SettledErrors)?.settle ?? noop;
}
const noop = () => {};

/** The error to show beside a field now: the last submission's, unless it has been settled since. */
export function useFieldError(name: string): string | undefined {
  const state = useActionFormState();
  const settledAt = useContext(SettledErrors)?.settledAt[name];
  const error = state.fieldErrors?.[name];
  return error && !(settledAt !== undefined && settledAt >= (state.at ?? 0)) ? error : undefined;
}

/** Gives fields outside an ActionForm (a confirmation dialog's) the state of the action they belong to. */
export const ActionFormStateProvider = ActionFormState.Provider;

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
        {/* Spans every column when the form is a grid, so it never takes the first field's place. */}
        <FormMessage kind="error" className="col-span-full" message={state.status === 'error' && !state.fieldErrors ? state.message : undefined} />
        {children}
      </form>
    </ActionFormState>
  );
}

/** A text field inside an ActionForm: shows its error and keeps what was typed after a failed submission. */
export function ActionTextField(props: Omit<ComponentProps<typeof TextField>, 'error'>) {
  const state = useActionFormState();
  const echoed = state.status === 'error' ? state.values?.[props.name] : undefined;
  const error = useFieldError(props.name);
  // A field emptied after the error (a code, an Aadhaar number) says why, where its hint is.
  const cleared = state.status === 'error' ? state.cleared?.[props.name] : undefined;
  return <TextField key={state.at} {...props} hint={cleared ?? props.hint} defaultValue={echoed ?? props.defaultValue} error={error} />;
}

/** A multi-line text field inside an ActionForm (or a ConfirmAction): its error beside it, what was typed kept. */
export function ActionTextareaField({ label, name, hint, required, maxLength, className, defaultValue, rows }: { label: ReactNode; name: string; hint?: ReactNode; required?: boolean; maxLength?: number; className?: string; defaultValue?: string; rows?: number }) {
  const state = useActionFormState();
  const echoed = state.status === 'error' ? state.values?.[name] : undefined;
  return (
    <FormField key={state.at} label={label} name={name} hint={hint} required={required} error={state.fieldErrors?.[name]} className={className}>
      {(control) => <Textarea {...control} required={undefined} aria-required={required || undefined} defaultValue={echoed ?? defaultValue} maxLength={maxLength} rows={rows} />}
    </FormField>
  );
}

/** A select inside an ActionForm: shows its error and keeps the choice after a failed submission. */
export function ActionSelectField({
  label,
  name,
  options,
  defaultValue,
  hint,
  required,
  className,
}: {
  label: ReactNode;
  name: string;
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
}) {
  const state = useActionFormState();
  const echoed = state.status === 'error' ? state.values?.[name] : undefined;
  return (
    <FormField key={state.at} label={label} name={name} hint={hint} required={required} error={state.fieldErrors?.[name]} className={className}>
      {(control) => (
        <Select {...control} defaultValue={echoed ?? defaultValue}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      )}
    </FormField>
  );
}

/**
 * The values a repeated field (a checkbox group) should start with: what was sent, after a failed submission,
 * else the defaults. With the errors reported for the field or any of its items (`scopes`, `scopes.2`).
 */
export function useActionFieldList(name: string, defaults: readonly string[]) {
  const state = useActionFormState();
  const values = state.status === 'error' ? (state.valueLists?.[name] ?? []) : defaults;
  const error = state.fieldErrors ? Object.entries(state.fieldErrors).find(([key]) => key === name || key.startsWith(`${name}.`))?.[1] : undefined;
  return { values, error, key: state.at };
}
