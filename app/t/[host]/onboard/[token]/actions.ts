'use server';

import { fieldsOf, formAction } from '@/lib/actions/form-action';
import { onboardingStepHandlers } from '@/lib/actions/onboarding-steps';
import { currentTenant, requestIp } from '@/lib/auth/session';
import { AppError, notFound } from '@/lib/errors/app-error';
import { createRegistration } from '@/lib/onboarding/create-registration';
import { linkAcceptsSteps, openOnboardingLink } from '@/lib/onboarding/onboarding-links';

/** The link the form was posted with: its token is the prospect's only credential, checked again on every step. */
async function openLink(formData: FormData) {
  const token = fieldsOf(formData).token ?? '';
  const tenant = await currentTenant();
  const opened = tenant && token ? await openOnboardingLink(tenant.partnerId, token) : null;
  if (!opened) throw notFound('Onboarding link');
  if (!linkAcceptsSteps(opened)) throw new AppError('conflict', 'This link can no longer be used. Reload the page to see why.');
  return { ...opened, ctx: { ...opened.ctx, ip: await requestIp() }, stepUrl: `/onboard/${encodeURIComponent(token)}` };
}

const steps = onboardingStepHandlers(async (formData) => {
  const { ctx, registration, stepUrl } = await openLink(formData);
  if (!registration) throw new AppError('conflict', 'Start with your details. Reload the page to begin.');
  return { ctx, registrationId: registration.id, stepUrl };
});

export const registerAction = formAction(async (formData) => {
  const { ctx, link, registration, stepUrl } = await openLink(formData);
  // A second tab, or the back button, may post the first step again: carry on where the registration is.
  if (!registration) await createRegistration(ctx, fieldsOf(formData), { source: 'link', onboardingLinkId: link.id });
  return { redirectTo: stepUrl };
});

export const verifyOtpAction = formAction(steps.verifyOtp);
export const resendOtpAction = formAction(steps.resendOtp);
export const verifyPanAction = formAction(steps.verifyPan);
export const sendAadhaarOtpAction = formAction(steps.sendAadhaarOtp);
export const verifyAadhaarOtpAction = formAction(steps.verifyAadhaarOtp);
export const gstAction = formAction(steps.gst);
export const acceptAction = formAction(steps.accept);
