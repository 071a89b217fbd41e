import { z } from 'zod';
import type { PartnerCtx } from '@/lib/audit/context';
import { AppError } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { assertResendAllowed, checkOtp, resendCount, type OtpChannel } from './otp';
import { resendOtpSchema, verifyOtpSchema } from './schemas';
import { sendOtps } from './send-otps';
import { runStep } from './step';

/** Step 2: the codes sent by e-mail and SMS; either may be sent alone, both verified opens KYC. */
export async function verifyRegistrationOtp(ctx: PartnerCtx, registrationId: string, input: Untrusted<z.input<typeof verifyOtpSchema>>) {
  const data = parseInput(verifyOtpSchema, input);
  return runStep(ctx, registrationId, { action: 'registration.otp_checked' }, async (tx, registration) => {
    const now = new Date();
    const change: { emailVerifiedAt?: Date; mobileVerifiedAt?: Date } = {};
    const refusals: AppError[] = [];
    if (data.email_otp && !registration.emailVerifiedAt) {
      const refusal = await checkOtp(tx, registration.id, 'email', data.email_otp, now);
      if (refusal) refusals.push(refusal);
      else change.emailVerifiedAt = now;
    }
    if (data.mobile_otp && !registration.mobileVerifiedAt) {
      const refusal = await checkOtp(tx, registration.id, 'mobile', data.mobile_otp, now);
      if (refusal) refusals.push(refusal);
      else change.mobileVerifiedAt = now;
    }
    const bothVerified = (registration.emailVerifiedAt || change.emailVerifiedAt) && (registration.mobileVerifiedAt || change.mobileVerifiedAt);
    if (bothVerified && (change.emailVerifiedAt || change.mobileVerifiedAt)) {
      await emitEvent(tx, registration.partnerId, 'registration.otp_verified', { registration: { id: registration.id, email: registration.email, mobile: registration.mobile } });
    }
    const audit = { email_verified: Boolean(registration.emailVerifiedAt || change.emailVerifiedAt), mobile_verified: Boolean(registration.mobileVerifiedAt || change.mobileVerifiedAt) };
    return { change, audit, refusal: combine(refusals) };
  });
}

function combine(refusals: AppError[]): AppError | undefined {
  if (refusals.length <= 1) return refusals[0];
  const fieldErrors = Object.assign({}, ...refusals.map((r) => r.fieldErrors));
  return new AppError(refusals.some((r) => r.code === 'locked') ? 'locked' : 'validation_failed', 'Both codes need attention.', fieldErrors);
}

/** Sends new codes by e-mail, SMS or both, each channel at most once a minute, within the registration's resend cap. */
export async function resendRegistrationOtp(ctx: PartnerCtx, registrationId: string, input: Untrusted<z.input<typeof resendOtpSchema>>) {
  const { type } = parseInput(resendOtpSchema, input);
  return runStep(ctx, registrationId, { action: 'registration.otp_sent' }, async (tx, registration) => {
    const wanted: OtpChannel[] = type === 'both' ? ['email', 'mobile'] : [type];
    const channels = wanted.filter((channel) => !(channel === 'email' ? registration.emailVerifiedAt : registration.mobileVerifiedAt));
    if (channels.length === 0) throw new AppError('conflict', 'Nothing to resend: the contact details are already verified.');
    for (const channel of channels) await assertResendAllowed(tx, registration.id, channel);
    const otpResends = resendCount(registration);
    await sendOtps(tx, registration, channels);
    return { change: { otpResends }, audit: { channels } };
  });
}
