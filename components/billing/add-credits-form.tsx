'use client';

import { useActionState, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FollowRedirect } from '@/components/ui/follow-redirect';
import { TextField } from '@/components/ui/form-field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { ToastOnChange } from '@/components/ui/toast-on-change';
import { idleState, type FormState } from '@/lib/actions/form-state';

const inr = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' });

/**
 * Add credits and/or extend validity, in two steps: the form, then a confirmation that says exactly what will
 * happen ("Add ₹500.00 and extend validity to …"), since money moves at once and a slip of a zero is costly.
 */
export function AddCreditsForm({ action, clientId, clientName }: { action: (state: FormState, formData: FormData) => Promise<FormState>; clientId: string; clientName: string }) {
  const [state, formAction] = useActionState(action, idleState);
  const [review, setReview] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const echoed = (name: string) => (state.status === 'error' ? state.values?.[name] : undefined);

  function startReview() {
    const data = new FormData(form.current!);
    const amount = String(data.get('amount') ?? '').trim();
    const validTill = String(data.get('validTill') ?? '').trim();
    const parts: string[] = [];
    if (amount) parts.push(`add ${Number.isFinite(Number(amount.replace(/,/g, ''))) ? inr.format(Number(amount.replace(/,/g, ''))) : amount} to ${clientName}’s wallet`);
    if (validTill) parts.push(`set validity to ${validTill.replace('T', ' ')} (India time)`);
    setReview(parts.length ? `You are about to ${parts.join(' and ')}.` : 'Enter an amount, a new validity, or both.');
  }

  return (
    <form ref={form} action={(data) => { setReview(null); formAction(data); }} className="space-y-4" noValidate key={state.status === 'success' ? state.at : undefined}>
      <FollowRedirect to={state.redirectTo} />
      <ToastOnChange message={state.status === 'success' ? state.message : undefined} token={state.at} />
      <FormMessage kind="error" message={state.status === 'error' && !state.fieldErrors ? state.message : undefined} />
      <input type="hidden" name="clientId" value={clientId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Credits to add (₹)" name="amount" inputMode="decimal" placeholder="500.00" autoComplete="off" defaultValue={echoed('amount')} error={state.fieldErrors?.amount} hint="Leave empty to change validity only." />
        <TextField label="Valid till (India time)" name="validTill" type="datetime-local" defaultValue={echoed('validTill')} error={state.fieldErrors?.validTill} hint="Leave empty to keep the current validity." />
      </div>
      {review ? (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium">{review}</p>
          <div className="mt-3 flex gap-2">
            <SubmitButton>Confirm</SubmitButton>
            <Button variant="secondary" onClick={() => setReview(null)}>
              Back
            </Button>
          </div>
        </div>
      ) : (
        <Button onClick={startReview}>Review</Button>
      )}
    </form>
  );
}
