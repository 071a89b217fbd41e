import type { RegistrationView } from '@/lib/onboarding/requirements';

/** The wizard's steps as the Stepper shows them; one page per step. */
export const wizardSteps = [
  { id: 'details', label: 'Your details' },
  { id: 'contact', label: 'Verify contact' },
  { id: 'pan', label: 'PAN' },
  { id: 'aadhaar', label: 'Aadhaar' },
  { id: 'gst', label: 'GST' },
  { id: 'sign', label: 'Review and sign' },
] as const;

export type WizardStepId = (typeof wizardSteps)[number]['id'];

/** What the step page shows: a form to fill, a check to wait for, or the end of the road. */
export type WizardScreen =
  | 'register'
  | 'verify_otp'
  | 'verify_pan'
  | 'send_aadhaar_otp'
  | 'verify_aadhaar_otp'
  | 'verify_gst'
  | 'wait_for_pan'
  | 'wait_for_gst'
  | 'accept'
  | 'completed'
  | 'closed';

/**
 * The screen for a registration, from its `requirements.next_step` only, so a refresh, the back button or a
 * visit days later always lands where the registration really is.
 */
export function wizardScreen(view: Pick<RegistrationView, 'status' | 'requirements'> | null): WizardScreen {
  if (!view) return 'register';
  if (view.status === 'completed') return 'completed';
  if (view.status !== 'pending') return 'closed';
  const { next_step: next, pending_verification: pending } = view.requirements;
  switch (next) {
    case 'wait_for_verification':
      return pending.includes('pan') ? 'wait_for_pan' : 'wait_for_gst';
    case null:
      // Pending yet nothing due cannot happen (accepting completes it); the last step is the safe place to be.
      return 'accept';
    default:
      return next;
  }
}

const stepOfScreen: Record<WizardScreen, WizardStepId> = {
  register: 'details',
  verify_otp: 'contact',
  verify_pan: 'pan',
  wait_for_pan: 'pan',
  send_aadhaar_otp: 'aadhaar',
  verify_aadhaar_otp: 'aadhaar',
  verify_gst: 'gst',
  wait_for_gst: 'gst',
  accept: 'sign',
  completed: 'sign',
  closed: 'details',
};

export function stepOf(screen: WizardScreen): WizardStepId {
  return stepOfScreen[screen];
}
