import type { ReactNode } from 'react';
import { ActionTextField, SettledErrorsProvider } from '@/components/console/action-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { ResendCode } from './resend-code';
import { StepForm, type StepAction } from './step-form';

type Channel = { verified: boolean; destination: string; availableAt: number };

type Props = {
  action: StepAction;
  resendAction: StepAction;
  hidden: Record<string, string>;
  email: Channel;
  mobile: Channel;
};

const codeInput = { autoComplete: 'one-time-code', inputMode: 'numeric', pattern: '[0-9]*', maxLength: 6, spellCheck: false } as const;

/** Step 2: the two 6-digit codes; a channel already verified is shown as done, each can be sent again. */
export function OtpForm({ action, resendAction, hidden, email, mobile }: Props) {
  const fields = [...(email.verified ? [] : ['email_otp']), ...(mobile.verified ? [] : ['mobile_otp'])];
  return (
    <SettledErrorsProvider>
      <div className="space-y-6">
        <StepForm action={action} hidden={hidden} fields={fields} refreshOnError>
          {email.verified ? (
            <Verified>E-mail {email.destination} verified</Verified>
          ) : (
            <ActionTextField label="Code sent by e-mail" name="email_otp" hint={`Sent to ${email.destination}.`} {...codeInput} className="max-w-40 tracking-widest" />
          )}
          {mobile.verified ? (
            <Verified>Mobile {mobile.destination} verified</Verified>
          ) : (
            <ActionTextField label="Code sent by SMS" name="mobile_otp" hint={`Sent to ${mobile.destination}.`} {...codeInput} className="max-w-40 tracking-widest" />
          )}
          <SubmitButton className="w-full sm:w-auto" pendingLabel="Checking…">
            Verify
          </SubmitButton>
        </StepForm>
        <div className="space-y-2 border-t border-slate-200 pt-4">
          <p className="text-sm text-slate-600">No code? Codes are valid for 10 minutes; a new one replaces the old.</p>
          {email.verified ? null : <ResendCode action={resendAction} hidden={hidden} channel="email" availableAt={email.availableAt} />}
          {mobile.verified ? null : <ResendCode action={resendAction} hidden={hidden} channel="mobile" availableAt={mobile.availableAt} />}
        </div>
      </div>
    </SettledErrorsProvider>
  );
}

function Verified({ children }: { children: ReactNode }) {
  return (
    <p className="flex items-center gap-2 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
      <span aria-hidden="true">✓</span>
      {children}
    </p>
  );
}
