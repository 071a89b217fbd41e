'use client';

import type { ReactNode } from 'react';
import { useActionFormState } from './action-form';

/**
 * A checkbox inside an ActionForm that keeps what was ticked after a failed submission (React resets the form
 * once its action has run; the echoed values say what was sent, and an unticked box is simply absent from them).
 */
export function ActionCheckbox({ name, defaultChecked, label, ariaLabel }: { name: string; defaultChecked: boolean; label: ReactNode; ariaLabel?: string }) {
  const state = useActionFormState();
  const checked = state.status === 'error' && state.values ? state.values[name] === 'on' : defaultChecked;
  return (
    <label className="flex items-center gap-2 text-sm">
      <input key={state.at} type="checkbox" name={name} defaultChecked={checked} aria-label={ariaLabel} /> {label}
    </label>
  );
}
