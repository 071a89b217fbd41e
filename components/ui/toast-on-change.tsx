'use client';

import { useEffect, useId } from 'react';

export type ToastKind = 'success' | 'error' | 'info' | 'warning';

export type ToastOnChangeProps = {
  message?: string | null;
  kind?: ToastKind;
  /**
   * Anything that changes once per result, e.g. the action state object, so the same message
   * ("Saved.") toasts again on the next submit. Without it only a different message toasts.
   */
  token?: unknown;
};

/** Toasts `message` whenever it (or `token`) changes, e.g. after a server action returns new state. */
export function ToastOnChange({ message, kind = 'success', token }: ToastOnChangeProps) {
  // A fixed toast id makes a repeated effect run (React strict mode in dev) update the toast instead of stacking a copy.
  const id = useId();
  useEffect(() => {
    // Loaded on first use, so forms on public pages that never toast do not carry the toast library.
    if (message) void import('sonner').then((sonner) => sonner.toast[kind](message, { id }));
  }, [message, kind, token, id]);
  return null;
}
