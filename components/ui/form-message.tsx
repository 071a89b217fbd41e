import type { ReactNode } from 'react';
import { cn } from './cn';

export type FormMessageKind = 'error' | 'success' | 'info';

const kinds: Record<FormMessageKind, string> = {
  error: 'border-red-200 bg-red-50 text-red-800',
  success: 'border-green-200 bg-green-50 text-green-800',
  info: 'border-sky-200 bg-sky-50 text-sky-800',
};

export type FormMessageProps = {
  kind?: FormMessageKind;
  message?: ReactNode;
  className?: string;
};

/**
 * Form-level outcome ("3 fields need attention.", "Saved."). The live region is rendered even when empty: screen
 * readers only announce changes to a region that already existed.
 */
export function FormMessage({ kind = 'error', message, className }: FormMessageProps) {
  return (
    <div role="status" aria-live="polite" className={className}>
      {message ? <p className={cn('rounded-md border px-3 py-2 text-sm', kinds[kind])}>{message}</p> : null}
    </div>
  );
}
