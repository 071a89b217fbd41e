import 'server-only';
import type { PartnerCtx } from '@/lib/audit/context';
import { AppError, invalid } from '@/lib/errors/app-error';
import { acceptRegistration } from '@/lib/onboarding/accept-registration';
import { skipRegistrationGst, sendRegistrationAadhaarOtp, verifyRegistrationAadhaarOtp, verifyRegistrationGst, verifyRegistrationPan } from '@/lib/onboarding/kyc-steps';
import { getRegistration } from '@/lib/onboarding/registration-queries';
import { resendRegistrationOtp, verifyRegistrationOtp } from '@/lib/onboarding/verify-otp';
import { fieldsOf, type ActionOutcome } from './form-action';

/** Which registration a step form acts on, in which context, and the page that shows its next step. */
export type StepTarget = { ctx: PartnerCtx; registrationId: string; stepUrl: string };

type Handler<Data = unknown> = (formData: FormData) => Promise<ActionOutcome<Data>>;

/**
 * The bodies of the onboarding wizard's step actions, shared by the hosted wizard (a link token finds the
 * registration) and the console's (a session and a registration id do). Each calls one domain step and sends the
 * browser back to the step page, which works out the next step from the registration itself; a check the
 * provider answered "failed" is turned into an error on its field, so what was typed stays in the form.
 */
export function onboardingStepHandlers(resolve: (formData: FormData) => Promise<StepTarget>) {
  const step = (run: (target: StepTarget, fields: Record<string, string>) => Promise<unknown>): Handler => async (formData) => {
    const target = await resolve(formData);
    await run(target, fieldsOf(formData));
    return { redirectTo: target.stepUrl };
  };

  return {
    verifyOtp: step(({ ctx, registrationId }, fields) =>
      // A code left empty is a channel not being verified now, not a wrong code.
      verifyRegistrationOtp(ctx, registrationId, { email_otp: fields.email_otp || undefined, mobile_otp: fields.mobile_otp || undefined }),
    ),

    // Answers { waitSeconds } either way, so the resend button can count down.
    resendOtp: (async (formData): Promise<ActionOutcome<unknown>> => {
      const { ctx, registrationId } = await resolve(formData);
      const type = fieldsOf(formData).type;
      const what = type === 'email' ? 'e-mail' : 'SMS';
      try {
        await resendRegistrationOtp(ctx, registrationId, { type });
        return { message: `A new code was sent by ${what}.`, data: { waitSeconds: 60 } };
      } catch (error) {
        // Asking again too soon is not a failure of the form: the button counts down instead.
        if (error instanceof AppError && error.code === 'rate_limited') {
          return { message: error.message, data: { waitSeconds: Number(error.headers?.['Retry-After'] ?? 60) } };
        }
        throw error;
      }
    }) satisfies Handler,

    verifyPan: step(async ({ ctx, registrationId }, fields) => {
      const view = await verifyRegistrationPan(ctx, registrationId, { pan: fields.pan, business_type: fields.business_type });
      if (view.kyc.pan.status === 'failed') throw invalid('pan', view.kyc.pan.failure_reason ?? 'This PAN could not be verified.');
    }),

    sendAadhaarOtp: step(async ({ ctx, registrationId }, fields) => {
      const view = await sendRegistrationAadhaarOtp(ctx, registrationId, { aadhaar_number: fields.aadhaar_number });
      if (view.kyc.aadhaar.status === 'failed') throw invalid('aadhaar_number', view.kyc.aadhaar.failure_reason ?? 'The Aadhaar OTP could not be sent.');
    }),

    // The reference of the OTP just sent is read here, on the server: the page never carries it.
    verifyAadhaarOtp: step(async ({ ctx, registrationId }, fields) => {
      const { kyc } = await getRegistration(ctx, registrationId);
      await verifyRegistrationAadhaarOtp(ctx, registrationId, { otp: fields.otp, reference: kyc.aadhaar.reference ?? '' });
    }),

    gst: step(async ({ ctx, registrationId }, fields) => {
      if (fields.gst_choice === 'none') {
        await skipRegistrationGst(ctx, registrationId, { reason: fields.reason });
        return;
      }
      const view = await verifyRegistrationGst(ctx, registrationId, { gstin: fields.gstin });
      if (view.kyc.gst.status === 'failed') throw invalid('gstin', view.kyc.gst.failure_reason ?? 'This GSTIN could not be verified.');
    }),

    accept: step(({ ctx, registrationId }, fields) => acceptRegistration(ctx, registrationId, { signature: fields.signature })),
  };
}
