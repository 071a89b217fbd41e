import { ActionTextField } from '@/components/console/action-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { StepForm, type StepAction } from './step-form';

type Props = { hidden: Record<string, string> };

/**
 * Step 4a: the Aadhaar number, sent once to the provider for an OTP. It is never put back into the page: not
 * as a default value, and not in the state of a failed submission (form actions do not echo it).
 */
export function AadhaarNumberForm({ action, hidden, failure, submitLabel = 'Send OTP' }: Props & { action: StepAction; failure?: string | null; submitLabel?: string }) {
  return (
    <StepForm action={action} hidden={hidden} fields={['aadhaar_number']}>
      <ActionTextField
        label="Aadhaar number"
        name="aadhaar_number"
        required
        autoComplete="off"
        inputMode="numeric"
        spellCheck={false}
        maxLength={14}
        className="max-w-56 font-mono tracking-wider"
        hint="12 digits. An OTP is sent to the mobile number linked with it. Only the last 4 digits are kept."
      />
      {failure ? <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">The last attempt failed: {failure}</p> : null}
      <SubmitButton className="w-full sm:w-auto" pendingLabel="Sending…">
        {submitLabel}
      </SubmitButton>
    </StepForm>
  );
}

/** Step 4b: the OTP from the Aadhaar-linked mobile. The OTP's reference stays on the server. */
export function AadhaarOtpForm({ action, resendAction, hidden, maskedNumber }: Props & { action: StepAction; resendAction: StepAction; maskedNumber: string | null }) {
  return (
    <div className="space-y-6">
      <StepForm action={action} hidden={hidden} fields={['otp']}>
        <ActionTextField
          label="Aadhaar OTP"
          name="otp"
          required
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={6}
          spellCheck={false}
          className="max-w-40 tracking-widest"
          hint={maskedNumber ? `For Aadhaar ${maskedNumber}.` : undefined}
        />
        <SubmitButton className="w-full sm:w-auto" pendingLabel="Verifying…">
          Verify Aadhaar
        </SubmitButton>
      </StepForm>
      <details className="rounded-md border border-slate-200 px-3 py-2 text-sm">
        <summary className="cursor-pointer font-medium text-slate-800">No OTP, or a different Aadhaar number?</summary>
        <div className="mt-3">
          <AadhaarNumberForm action={resendAction} hidden={hidden} submitLabel="Send a new OTP" />
        </div>
      </details>
    </div>
  );
}
