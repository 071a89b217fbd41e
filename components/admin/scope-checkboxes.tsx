'use client';

import { useActionFormState } from '@/components/console/action-form';

/** The scopes of a new key as checkboxes; keeps the ticks and shows the error after a failed submission. */
export function ScopeCheckboxes({ scopes }: { scopes: readonly { value: string; label: string }[] }) {
  const state = useActionFormState();
  const error = state.status === 'error' ? Object.entries(state.fieldErrors ?? {}).find(([key]) => key === 'scopes' || key.startsWith('scopes.'))?.[1] : undefined;
  return (
    <fieldset className="space-y-1.5" aria-describedby={error ? 'scopes-error' : undefined}>
      <legend className="text-sm font-medium text-slate-800">Scopes</legend>
      <div className="grid gap-1 sm:grid-cols-2">
        {scopes.map((scope) => (
          <label key={scope.value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="scopes" value={scope.value} className="size-4 accent-brand" />
            <code className="font-mono text-xs">{scope.value}</code>
            <span className="sr-only">{scope.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id="scopes-error" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
