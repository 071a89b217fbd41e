'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ActionForm, useActionFormState } from '@/components/console/action-form';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/actions/form-state';

export type StepAction = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  action: StepAction;
  /** Identifies the registration to the action (a link token or a registration id). */
  hidden: Record<string, string>;
  /** The fields this form shows; an error about any other is shown on top of the form. */
  fields: readonly string[];
  /** Re-render the page after a failure too: a step can partly succeed (one of two codes right). */
  refreshOnError?: boolean;
  className?: string;
  children: ReactNode;
};

/** One step's form: errors next to their fields, focus on the first of them, success goes to the next step. */
export function StepForm({ action, hidden, fields, refreshOnError, className, children }: Props) {
  return (
    <ActionForm action={action} toastSuccess={false} className={className ?? 'space-y-5'}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ErrorFocus fields={fields} refresh={refreshOnError} />
      {children}
    </ActionForm>
  );
}

/**
 * Moves focus to the first field in error after a failed submission. ActionForm shows the form-level message
 * only when no field is named; an error about a field this form does not show would be silent, so it is shown.
 */
function ErrorFocus({ fields, refresh }: { fields: readonly string[]; refresh?: boolean }) {
  const state = useActionFormState();
  const router = useRouter();
  const marker = useRef<HTMLSpanElement>(null);
  // The submission whose errors had no field on screen to stand beside (e.g. one the form hides just now).
  const [unshownAt, setUnshownAt] = useState<number | undefined>();
  const named = Object.keys(state.fieldErrors ?? {});
  const unplaced = state.status === 'error' && (named.some((field) => !fields.includes(field)) || (unshownAt !== undefined && unshownAt === state.at)) ? state.message : undefined;

  useEffect(() => {
    if (state.status !== 'error') return;
    const invalid = marker.current?.closest('form')?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
    // A refusal must never look like nothing happened: without a field showing it, it goes on top of the form.
    if (!invalid && named.length) setUnshownAt(state.at);
    if (refresh) router.refresh();
  }, [state, refresh, router, named.length]);

  return (
    <>
      <span ref={marker} hidden />
      <FormMessage kind="error" message={unplaced} />
    </>
  );
}
