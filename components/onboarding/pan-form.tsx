import { ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { businessTypes } from '@/lib/kyc/validators/pan';
import { StepForm, type StepAction } from './step-form';

const options = [{ value: '', label: 'Choose…' }, ...Object.entries(businessTypes).map(([value, type]) => ({ value, label: type.label }))];

type Props = {
  action: StepAction;
  hidden: Record<string, string>;
  /** The business type chosen last time, and why the last PAN failed, when it did. */
  businessType?: string | null;
  failure?: string | null;
};

/** Step 3: the business type and its PAN; the PAN's 4th letter must match the type. */
export function PanForm({ action, hidden, businessType, failure }: Props) {
  return (
    <StepForm action={action} hidden={hidden} fields={['business_type', 'pan']}>
      <ActionSelectField label="Type of business" name="business_type" options={options} defaultValue={businessType ?? ''} required />
      <ActionTextField
        label="PAN"
        name="pan"
        required
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={10}
        className="max-w-56 font-mono tracking-wider uppercase"
        hint="10 characters, like ABCPE1234F. The 4th letter is the holder type: P for individuals and proprietors, C for companies, F for firms and LLPs."
      />
      {failure ? <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">The last PAN could not be verified: {failure}</p> : null}
      <SubmitButton className="w-full sm:w-auto" pendingLabel="Verifying…">
        Verify PAN
      </SubmitButton>
    </StepForm>
  );
}
