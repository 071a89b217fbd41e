import { SubmitButton } from '@/components/ui/submit-button';
import { GstFields } from './gst-fields';
import { StepForm, type StepAction } from './step-form';

/** Step 5: GST registration, verified against the PAN already verified, or skipped with a reason. */
export function GstForm({ action, hidden, failure }: { action: StepAction; hidden: Record<string, string>; failure?: string | null }) {
  return (
    <StepForm action={action} hidden={hidden} fields={['gst_choice', 'gstin', 'reason']}>
      <GstFields />
      {failure ? <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">The last GSTIN could not be verified: {failure}</p> : null}
      <SubmitButton className="w-full sm:w-auto" pendingLabel="Saving…">
        Continue
      </SubmitButton>
    </StepForm>
  );
}
