import type { FilterDef } from '@/lib/tables/table-params';
import type { RegistrationStage } from '@/lib/onboarding/registration-queries';
import type { NextStep } from '@/lib/onboarding/requirements';

/** Where a pending registration stands, in the order a prospect goes through them. */
export const registrationStageLabels: Record<RegistrationStage, string> = {
  verify_otp: 'Verify e-mail and mobile',
  verify_pan: 'PAN',
  aadhaar: 'Aadhaar',
  gst: 'GST',
  accept: 'Review and sign',
};

export const nextStepLabels: Record<NextStep, string> = {
  verify_otp: 'Enter the codes sent by e-mail and SMS',
  verify_pan: 'Enter the business PAN',
  send_aadhaar_otp: 'Enter the Aadhaar number',
  verify_aadhaar_otp: 'Enter the Aadhaar OTP',
  verify_gst: 'Enter the GSTIN or skip GST',
  accept: 'Review and sign',
  wait_for_verification: 'Waiting for a provider to finish a check',
};

export const registrationStageFilter = {
  id: 'stage',
  label: 'Stage',
  options: (Object.entries(registrationStageLabels) as [RegistrationStage, string][]).map(([value, label]) => ({ value, label })),
} as const satisfies FilterDef;
