'use server';

import { consoleAction } from '@/lib/actions/context-actions';
import { fieldsOf, formAction } from '@/lib/actions/form-action';
import { onboardingStepHandlers } from '@/lib/actions/onboarding-steps';
import { requireConsoleSession } from '@/lib/auth/session';
import { notFound } from '@/lib/errors/app-error';
import { completeSandboxRegistration } from '@/lib/onboarding/complete-sandbox-registration';
import { createRegistration } from '@/lib/onboarding/create-registration';

const stepUrl = (registrationId: string) => `/clients/new/${registrationId}`;

/** The registration id a step form carries; anything not shaped like one is simply not found. */
function registrationIdOf(formData: FormData): string {
  const id = fieldsOf(formData).registration_id ?? '';
  if (!/^[a-z]+_[0-9a-z]+$/.test(id)) throw notFound('Registration');
  return id;
}

// Registrations live per environment: in test mode the session's dataCtx is the sandbox.
const steps = onboardingStepHandlers(async (formData) => {
  const registrationId = registrationIdOf(formData);
  const { dataCtx } = await requireConsoleSession();
  return { ctx: dataCtx, registrationId, stepUrl: stepUrl(registrationId) };
});

export const startRegistrationAction = consoleAction(async ({ dataCtx }, formData) => {
  const registration = await createRegistration(dataCtx, fieldsOf(formData), { source: 'console' });
  return { redirectTo: stepUrl(registration.id) };
});

export const verifyOtpAction = formAction(steps.verifyOtp);
export const resendOtpAction = formAction(steps.resendOtp);
export const verifyPanAction = formAction(steps.verifyPan);
export const sendAadhaarOtpAction = formAction(steps.sendAadhaarOtp);
export const verifyAadhaarOtpAction = formAction(steps.verifyAadhaarOtp);
export const gstAction = formAction(steps.gst);
export const acceptAction = formAction(steps.accept);

/** Test mode only (the domain refuses live registrations): every remaining step simulated, then accepted. */
export const completeWithSimulatedKycAction = consoleAction(async ({ dataCtx }, formData) => {
  const registrationId = registrationIdOf(formData);
  await completeSandboxRegistration(dataCtx, registrationId);
  return { redirectTo: stepUrl(registrationId) };
});
