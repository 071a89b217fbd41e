'use client';

import { useActionFormState } from '@/components/console/action-form';

/** The explicit confirmation a retail price below wholesale needs; shown with the refusal that asks for it. */
export function ConfirmBelowWholesale() {
  const state = useActionFormState();
  const error = state.status === 'error' ? state.fieldErrors?.confirmBelowWholesale : undefined;
  return (
    <div>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="confirmBelowWholesale" value="on" className="mt-1" aria-describedby={error ? 'confirm-below-error' : undefined} />
        <span>Set it even if it is below my wholesale price</span>
      </label>
      {error ? (
        <p id="confirm-below-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
