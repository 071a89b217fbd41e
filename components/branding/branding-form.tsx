'use client';

import { useActionState, useState } from 'react';
import { FormField, TextField } from '@/components/ui/form-field';
import { FormMessage } from '@/components/ui/form-message';
import { Input } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { ToastOnChange } from '@/components/ui/toast-on-change';
import { idleState, type FormState } from '@/lib/actions/form-state';
import { brandColourWarnings } from '@/lib/branding/contrast';
import { BrandPreview } from './brand-preview';

type Brand = { productName: string; primaryColor: string; secondaryColor: string; supportEmail: string };
type Props = { action: (state: FormState, formData: FormData) => Promise<FormState>; initial: Brand; disabled: boolean };

function ColourField({ label, name, value, onChange, error, disabled }: { label: string; name: string; value: string; onChange: (v: string) => void; error?: string; disabled: boolean }) {
  return (
    <FormField label={label} name={name} error={error}>
      {(control) => (
        <div className="flex items-center gap-2">
          <input type="color" aria-label={`${label} picker`} value={/^#[0-9a-f]{6}$/i.test(value) ? value : '#000000'} onChange={(e) => onChange(e.target.value)} disabled={disabled} className="h-10 w-12 cursor-pointer rounded border border-slate-300 bg-white" />
          <Input {...control} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled} className="font-mono" maxLength={7} />
        </div>
      )}
    </FormField>
  );
}

/** What the chosen colours cannot do as they are, following every change (they may still be saved). */
function ContrastWarnings({ primary, secondary }: { primary: string; secondary: string }) {
  const warnings = brandColourWarnings({ primary, secondary });
  return (
    <div role="status" aria-live="polite">
      {warnings.length ? (
        <div data-testid="contrast-warnings" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-medium">Readability</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** Name, colours and support e-mail, with a preview that follows every keystroke before anything is saved. */
export function BrandingForm({ action, initial, disabled }: Props) {
  const [state, formAction] = useActionState(action, idleState);
  const [brand, setBrand] = useState<Brand>(initial);
  const set = (key: keyof Brand) => (value: string) => setBrand((b) => ({ ...b, [key]: value }));
  const errors = state.fieldErrors ?? {};
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form action={formAction} className="space-y-4" noValidate>
        <ToastOnChange message={state.status === 'success' ? state.message : undefined} token={state.at} />
        <FormMessage kind="error" message={state.status === 'error' ? state.message : undefined} />
        <TextField label="Product name" name="productName" value={brand.productName} onChange={(e) => set('productName')(e.target.value)} error={errors.productName} disabled={disabled} required />
        <ColourField label="Primary colour" name="primaryColor" value={brand.primaryColor} onChange={set('primaryColor')} error={errors.primaryColor} disabled={disabled} />
        <ColourField label="Secondary colour" name="secondaryColor" value={brand.secondaryColor} onChange={set('secondaryColor')} error={errors.secondaryColor} disabled={disabled} />
        <ContrastWarnings primary={brand.primaryColor} secondary={brand.secondaryColor} />
        <TextField label="Support e-mail" name="supportEmail" type="email" value={brand.supportEmail} onChange={(e) => set('supportEmail')(e.target.value)} error={errors.supportEmail} hint="Shown to your clients on sign-in and error pages." disabled={disabled} />
        {disabled ? <p className="text-sm text-slate-600">Only owners and admins can change branding.</p> : <SubmitButton pendingLabel="Saving…">Save branding</SubmitButton>}
      </form>
      <BrandPreview brand={brand} />
    </div>
  );
}
