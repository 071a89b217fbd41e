'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { Button, type ButtonProps } from './button';

export type SubmitButtonProps = Omit<ButtonProps, 'type'> & {
  /** Replaces the label while the form is submitting, e.g. "Saving…". */
  pendingLabel?: ReactNode;
};

/**
 * A submit button that knows when its enclosing `<form action>` is in flight. Must be rendered inside the form.
 * One of several named buttons of one form (a row each) is busy only when it is the one that was pressed.
 */
export function SubmitButton({ pending, pendingLabel, children, ...props }: SubmitButtonProps) {
  const status = useFormStatus();
  const pressed = props.name === undefined || props.value === undefined || status.data?.get(props.name) === String(props.value);
  const busy = pending || (status.pending && pressed);
  return (
    <Button type="submit" pending={busy} {...props}>
      {busy && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
