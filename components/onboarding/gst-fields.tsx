'use client';

import { useState } from 'react';
import { useActionFormState } from '@/components/console/action-form';
import { FormField, TextField } from '@/components/ui/form-field';
import { exampleGstin } from '@/lib/kyc/validators/gstin';
import { Textarea } from '@/components/ui/textarea';

/** A GSTIN, or "no GSTIN" with the reason; only the chosen one's field is shown and checked. */
export function GstFields() {
  const state = useActionFormState();
  const echoed = state.status === 'error' ? state.values : undefined;
  const [choice, setChoice] = useState(echoed?.gst_choice === 'none' ? 'none' : 'gstin');
  const errors = state.fieldErrors ?? {};
  return (
    <>
      {/* Keyed by submission and uncontrolled: React resets a form after its action, and a controlled radio would
          snap back to its first render's choice while the field below still followed the state. */}
      <fieldset key={`choice-${state.at}`} className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Is the business registered for GST?</legend>
        {[
          { value: 'gstin', label: 'Yes, I have a GSTIN' },
          { value: 'none', label: 'I have no GSTIN' },
        ].map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm text-slate-800">
            <input type="radio" name="gst_choice" value={option.value} defaultChecked={choice === option.value} onChange={() => setChoice(option.value)} className="size-4 accent-brand" />
            {option.label}
          </label>
        ))}
      </fieldset>
      {choice === 'gstin' ? (
        <TextField
          key={`gstin-${state.at}`}
          label="GSTIN"
          name="gstin"
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={15}
          className="max-w-64 font-mono tracking-wider uppercase"
          hint={`15 characters, like ${exampleGstin}. It contains your business PAN.`}
          defaultValue={echoed?.gstin}
          error={errors.gstin}
        />
      ) : (
        <FormField key={`reason-${state.at}`} label="Why is there no GSTIN?" name="reason" required error={errors.reason} hint="For example: turnover below the GST threshold.">
          {(control) => <Textarea {...control} defaultValue={echoed?.reason} maxLength={300} />}
        </FormField>
      )}
    </>
  );
}
