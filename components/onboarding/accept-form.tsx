import { SubmitButton } from '@/components/ui/submit-button';
import type { RegistrationView } from '@/lib/onboarding/requirements';
import { RegistrationPreview } from './registration-preview';
import { SignaturePad } from './signature-pad';
import { StepForm, type StepAction } from './step-form';

type Props = { action: StepAction; hidden: Record<string, string>; view: RegistrationView; productName: string; submitLabel: string };

/** Step 6: the details to be signed for, the signature, and acceptance, which opens the account. */
export function AcceptForm({ action, hidden, view, productName, submitLabel }: Props) {
  return (
    <div className="space-y-5">
      <RegistrationPreview view={view} />
      <StepForm action={action} hidden={hidden} fields={['signature']}>
        <SignaturePad />
        <p className="text-sm text-slate-600">
          By signing you confirm these details are correct and accept the terms of service of {productName}.
        </p>
        <SubmitButton className="w-full sm:w-auto" pendingLabel="Opening the account…">
          {submitLabel}
        </SubmitButton>
      </StepForm>
    </div>
  );
}
