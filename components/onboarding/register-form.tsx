import { ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { StepForm, type StepAction } from './step-form';

const countryCodes = [
  { value: '+91', label: 'India (+91)' },
  { value: '+977', label: 'Nepal (+977)' },
  { value: '+880', label: 'Bangladesh (+880)' },
  { value: '+94', label: 'Sri Lanka (+94)' },
  { value: '+971', label: 'United Arab Emirates (+971)' },
  { value: '+966', label: 'Saudi Arabia (+966)' },
  { value: '+65', label: 'Singapore (+65)' },
  { value: '+44', label: 'United Kingdom (+44)' },
  { value: '+1', label: 'United States and Canada (+1)' },
  { value: '+61', label: 'Australia (+61)' },
];

export type RegisterPrefill = { name?: string; email?: string; mobile?: string; country_code?: string };

type Props = {
  action: StepAction;
  hidden: Record<string, string>;
  prefill?: RegisterPrefill;
  /** Words for who is registering: the prospect on a link, partner staff in the console. */
  audience: 'self' | 'staff';
  submitLabel: string;
};

/** Step 1: who the client is, how to reach them for the codes, and the password they will sign in with. */
export function RegisterForm({ action, hidden, prefill = {}, audience, submitLabel }: Props) {
  const prefilledCode = prefill.country_code?.trim();
  const options = prefilledCode && !countryCodes.some((c) => c.value === prefilledCode) ? [{ value: prefilledCode, label: prefilledCode }, ...countryCodes] : countryCodes;
  const self = audience === 'self';
  return (
    <StepForm action={action} hidden={hidden} fields={['name', 'email', 'country_code', 'mobile', 'password', 'promo']}>
      <ActionTextField label={self ? 'Your full name' : 'Full name'} name="name" required autoComplete={self ? 'name' : 'off'} defaultValue={prefill.name} />
      <ActionTextField
        label="E-mail"
        name="email"
        type="email"
        required
        autoComplete={self ? 'email' : 'off'}
        spellCheck={false}
        defaultValue={prefill.email}
        hint="A 6-digit code is sent here."
      />
      <div className="grid grid-cols-[minmax(0,9rem)_minmax(0,1fr)] items-start gap-3">
        <ActionSelectField label="Country code" name="country_code" options={options} defaultValue={prefilledCode || '+91'} required />
        <ActionTextField label="Mobile number" name="mobile" type="tel" inputMode="tel" required autoComplete={self ? 'tel-national' : 'off'} defaultValue={prefill.mobile} />
      </div>
      <ActionTextField
        label={self ? 'Choose a password' : 'Password for the client'}
        name="password"
        type="password"
        required
        autoComplete={self ? 'new-password' : 'off'}
        hint={self ? 'At least 10 characters, letters mixed with digits or symbols. You sign in with it.' : 'At least 10 characters. The client signs in with it; share it with them securely.'}
      />
      <ActionTextField label="Promo code (optional)" name="promo" autoComplete="off" autoCapitalize="characters" spellCheck={false} className="uppercase" />
      <SubmitButton className="w-full sm:w-auto" pendingLabel="Sending codes…">
        {submitLabel}
      </SubmitButton>
    </StepForm>
  );
}
