import { z } from 'zod';
import type { Tx } from '@/db';
import type { Registration } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { AppError, invalid } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { validateGstin } from '@/lib/kyc/validators/gstin';
import { validatePan } from '@/lib/kyc/validators/pan';
import { kycProviderFor } from '@/lib/providers/kyc';
import { otpPolicy, resendCount, wrongCodeMessage } from './otp';
import { partnerKind } from './registration-access';
import { aadhaarOtpSchema, aadhaarVerifySchema, gstSchema, panSchema, skipGstSchema } from './schemas';
import { runStep } from './step';

const contactsVerified = ['email_otp', 'mobile_otp'] as const;

/** The KYC provider for the registration's partner: a sandbox always gets the simulator. */
async function providerFor(tx: Tx, registration: Pick<Registration, 'partnerId'>) {
  return kycProviderFor(await partnerKind(tx, registration.partnerId));
}

/** Step 3a: the business PAN, checked locally (structure, holder type against business type), then by the provider. */
export async function verifyRegistrationPan(ctx: PartnerCtx, registrationId: string, input: Untrusted<z.input<typeof panSchema>>) {
  const data = parseInput(panSchema, input);
  const pan = validatePan(data.pan, data.business_type);
  if (!pan.ok) throw invalid('pan', pan.reason);
  return runStep(ctx, registrationId, { action: 'registration.pan_checked', needs: [...contactsVerified] }, async (tx, registration) => {
    if (registration.panStatus === 'verified') throw new AppError('conflict', 'The PAN is already verified.');
    const provider = await providerFor(tx, registration);
    const result = await provider.verifyPan({ pan: pan.value, businessType: data.business_type, name: registration.name });
    const change = {
      kycProvider: provider.name,
      businessType: data.business_type,
      pan: pan.value,
      panStatus: result.status,
      panRegisteredName: result.status === 'verified' ? result.registeredName : null,
      panFailureReason: result.status === 'failed' ? result.reason : null,
      panCheckedAt: new Date(),
    };
    return { change, audit: { business_type: data.business_type, pan_status: result.status } };
  });
}

/** Step 3b: sends an Aadhaar OTP through the provider. Only the last four digits and the reference are kept. */
export async function sendRegistrationAadhaarOtp(ctx: PartnerCtx, registrationId: string, input: Untrusted<z.input<typeof aadhaarOtpSchema>>) {
  const { aadhaar_number } = parseInput(aadhaarOtpSchema, input);
  return runStep(ctx, registrationId, { action: 'registration.aadhaar_otp_sent', needs: [...contactsVerified, 'pan'] }, async (tx, registration) => {
    if (registration.aadhaarStatus === 'verified') throw new AppError('conflict', 'Aadhaar is already verified.');
    // Every OTP after the first counts against the registration's resend cap; a new one unlocks the step.
    const otpResends = registration.aadhaarLast4 ? resendCount(registration) : registration.otpResends;
    const provider = await providerFor(tx, registration);
    const result = await provider.sendAadhaarOtp({ aadhaarNumber: aadhaar_number });
    const last4 = aadhaar_number.slice(-4);
    const fresh = { kycProvider: provider.name, aadhaarLast4: last4, aadhaarFailedAttempts: 0, otpResends };
    if (result.status === 'failed') {
      return { change: { ...fresh, aadhaarReference: null, aadhaarStatus: 'failed' as const, aadhaarFailureReason: result.reason }, audit: { aadhaar_last4: last4, status: 'failed' } };
    }
    return { change: { ...fresh, aadhaarReference: result.reference, aadhaarStatus: 'otp_sent' as const, aadhaarFailureReason: null }, audit: { aadhaar_last4: last4, status: 'otp_sent' } };
  });
}

/**
 * Step 3c: the OTP from the Aadhaar-linked mobile, with the reference from step 3b. Wrong OTPs count like the
 * e-mail and SMS codes': after five the reference is locked, without asking the provider, until a new OTP is sent.
 */
export async function verifyRegistrationAadhaarOtp(ctx: PartnerCtx, registrationId: string, input: Untrusted<z.input<typeof aadhaarVerifySchema>>) {
  const data = parseInput(aadhaarVerifySchema, input);
  return runStep(ctx, registrationId, { action: 'registration.aadhaar_checked', needs: [...contactsVerified, 'pan'] }, async (tx, registration) => {
    if (registration.aadhaarStatus === 'verified') throw new AppError('conflict', 'Aadhaar is already verified.');
    if (registration.aadhaarStatus !== 'otp_sent' || !registration.aadhaarReference) throw new AppError('conflict', 'Send the Aadhaar OTP first.');
    if (data.reference !== registration.aadhaarReference) throw invalid('reference', 'This reference does not belong to the last Aadhaar OTP sent; use the latest one.');
    if (registration.aadhaarFailedAttempts >= otpPolicy.maxFailedAttempts) throw new AppError('locked', aadhaarLockedMessage, { otp: aadhaarLockedMessage });
    const provider = await providerFor(tx, registration);
    const result = await provider.verifyAadhaarOtp({ reference: data.reference, otp: data.otp });
    if (result.status === 'failed') {
      // The OTP can be tried again with the same reference until the attempts run out, so the status stays otp_sent.
      const failed = registration.aadhaarFailedAttempts + 1;
      const reason = wrongCodeMessage(failed, result.reason);
      const refusal = failed >= otpPolicy.maxFailedAttempts ? new AppError('locked', reason, { otp: reason }) : invalid('otp', reason);
      return { change: { aadhaarFailureReason: reason, aadhaarFailedAttempts: failed }, audit: { status: 'failed' }, refusal };
    }
    return { change: { kycProvider: provider.name, aadhaarStatus: 'verified' as const, aadhaarFailureReason: null }, audit: { status: 'verified' } };
  });
}

const aadhaarLockedMessage = 'Too many wrong Aadhaar OTPs: this one is locked. Send a new OTP.';

/** Step 3d: the GSTIN, which must contain the verified PAN and carry a valid check character. */
export async function verifyRegistrationGst(ctx: PartnerCtx, registrationId: string, input: Untrusted<z.input<typeof gstSchema>>) {
  const data = parseInput(gstSchema, input);
  return runStep(ctx, registrationId, { action: 'registration.gst_checked', needs: [...contactsVerified, 'pan'] }, async (tx, registration) => {
    const gstin = validateGstin(data.gstin, registration.pan ?? undefined);
    if (!gstin.ok) throw invalid('gstin', gstin.reason);
    if (registration.gstStatus === 'verified') throw new AppError('conflict', 'GST is already verified.');
    const provider = await providerFor(tx, registration);
    const result = await provider.verifyGstin({ gstin: gstin.value, panRegisteredName: registration.panRegisteredName ?? undefined });
    const change = {
      kycProvider: provider.name,
      gstin: gstin.value,
      gstStatus: result.status,
      gstLegalName: result.status === 'verified' ? result.legalName : null,
      gstFailureReason: result.status === 'failed' ? result.reason : null,
      gstSkipReason: null,
      gstCheckedAt: new Date(),
    };
    return { change, audit: { gst_status: result.status } };
  });
}

/** Step 3d, the other way: no GSTIN, with the reason kept. */
export async function skipRegistrationGst(ctx: PartnerCtx, registrationId: string, input: Untrusted<z.input<typeof skipGstSchema>>) {
  const { reason } = parseInput(skipGstSchema, input);
  return runStep(ctx, registrationId, { action: 'registration.gst_skipped', needs: [...contactsVerified, 'pan'] }, async (_tx, registration) => {
    if (registration.gstStatus === 'verified') throw new AppError('conflict', 'GST is already verified; there is nothing to skip.');
    return { change: { gstStatus: 'skipped' as const, gstSkipReason: reason, gstin: null, gstLegalName: null, gstFailureReason: null }, audit: { reason } };
  });
}
