import type { OtpChannel } from './otp';
import { otpPolicy } from './otp-policy';
import type { Registration } from '@/db/schema';
import { maskAadhaar } from '@/lib/kyc/validators/aadhaar';

export type Requirement = 'email_otp' | 'mobile_otp' | 'pan' | 'aadhaar' | 'gst' | 'signature';

/**
 * Why a requirement is stuck, as a stable code a partner's system can branch on; `reason` is the sentence for
 * people. A wrong Aadhaar OTP leaves the step at otp_sent (the OTP may be tried again), so it is an error of
 * its own rather than a failed check.
 */
export const requirementErrorCodes = ['email_otp_locked', 'mobile_otp_locked', 'pan_check_failed', 'aadhaar_check_failed', 'aadhaar_otp_incorrect', 'aadhaar_otp_locked', 'gst_check_failed'] as const;
export type RequirementErrorCode = (typeof requirementErrorCodes)[number];

/** The contact channels whose current code is locked by too many wrong attempts (see otp.ts). */
export type OtpLocks = readonly OtpChannel[];

export type NextStep = 'verify_otp' | 'verify_pan' | 'send_aadhaar_otp' | 'verify_aadhaar_otp' | 'verify_gst' | 'accept' | 'wait_for_verification';

/**
 * What a registration still needs, in the spirit of Stripe's `requirements`: what is due, what a provider is
 * still checking, each failure with its reason, and the one step to take next. Derived from the row, never
 * stored, so it cannot disagree with the data.
 */
export type Requirements = {
  currently_due: Requirement[];
  pending_verification: Requirement[];
  errors: { requirement: Requirement; code: RequirementErrorCode; reason: string }[];
  next_step: NextStep | null;
};

export function requirementsOf(r: Registration, otpLocks: OtpLocks = []): Requirements {
  const due: Requirement[] = [];
  const pending: Requirement[] = [];
  const errors: Requirements['errors'] = [];
  if (r.status !== 'pending') return { currently_due: [], pending_verification: [], errors: [], next_step: null };

  if (!r.emailVerifiedAt) due.push('email_otp');
  if (!r.emailVerifiedAt && otpLocks.includes('email')) errors.push({ requirement: 'email_otp', code: 'email_otp_locked', reason: 'Too many wrong e-mail codes: the code is locked. Send a new one.' });
  if (!r.mobileVerifiedAt) due.push('mobile_otp');
  if (!r.mobileVerifiedAt && otpLocks.includes('mobile')) errors.push({ requirement: 'mobile_otp', code: 'mobile_otp_locked', reason: 'Too many wrong SMS codes: the code is locked. Send a new one.' });
  if (r.panStatus === 'pending') pending.push('pan');
  else if (r.panStatus !== 'verified') due.push('pan');
  if (r.panStatus === 'failed' && r.panFailureReason) errors.push({ requirement: 'pan', code: 'pan_check_failed', reason: r.panFailureReason });
  if (r.aadhaarStatus !== 'verified') due.push('aadhaar');
  if (r.aadhaarStatus === 'failed' && r.aadhaarFailureReason) errors.push({ requirement: 'aadhaar', code: 'aadhaar_check_failed', reason: r.aadhaarFailureReason });
  if (r.aadhaarStatus === 'otp_sent' && r.aadhaarFailedAttempts >= otpPolicy.maxFailedAttempts) {
    errors.push({ requirement: 'aadhaar', code: 'aadhaar_otp_locked', reason: 'Too many wrong Aadhaar OTPs: this one is locked. Send a new OTP.' });
  } else if (r.aadhaarStatus === 'otp_sent' && r.aadhaarFailureReason) errors.push({ requirement: 'aadhaar', code: 'aadhaar_otp_incorrect', reason: r.aadhaarFailureReason });
  if (r.gstStatus === 'pending') pending.push('gst');
  else if (r.gstStatus !== 'verified' && r.gstStatus !== 'skipped') due.push('gst');
  if (r.gstStatus === 'failed' && r.gstFailureReason) errors.push({ requirement: 'gst', code: 'gst_check_failed', reason: r.gstFailureReason });
  if (!r.acceptedAt) due.push('signature');

  return { currently_due: due, pending_verification: pending, errors, next_step: nextStep(r, due, pending) };
}

function nextStep(r: Registration, due: Requirement[], pending: Requirement[]): NextStep | null {
  if (due.includes('email_otp') || due.includes('mobile_otp')) return 'verify_otp';
  if (due.includes('pan')) return 'verify_pan';
  // The Aadhaar and GST steps both need the PAN verified (see kyc-steps.ts; the GSTIN must also contain it), so a
  // PAN still being checked holds them back rather than pointing at a step that would be refused.
  if (pending.includes('pan')) return 'wait_for_verification';
  if (due.includes('aadhaar')) return r.aadhaarStatus === 'otp_sent' ? 'verify_aadhaar_otp' : 'send_aadhaar_otp';
  if (due.includes('gst')) return 'verify_gst';
  if (pending.length) return 'wait_for_verification';
  return due.includes('signature') ? 'accept' : null;
}

/** The KYC steps are all done (OTP, PAN, Aadhaar, GST verified or skipped): only the signature is left. */
export function kycComplete(r: Registration): boolean {
  const { currently_due, pending_verification } = requirementsOf(r);
  return pending_verification.length === 0 && currently_due.every((item) => item === 'signature');
}

export const maskPan = (pan: string) => `${pan.slice(0, 2)}XXXXXX${pan.slice(8)}`;
export const maskGstin = (gstin: string) => `${gstin.slice(0, 4)}XXXXXX${gstin.slice(10)}`;

/**
 * A pending registration past its lifetime is expired, whether or not the worker has marked it yet: without
 * this, a server running without its worker would keep stale registrations open for ever.
 */
export function registrationStatus(r: Pick<Registration, 'status' | 'expiresAt'>, now = new Date()): Registration['status'] {
  return r.status === 'pending' && r.expiresAt <= now ? 'expired' : r.status;
}

/**
 * A registration as any face may show or return it: masked, no password, no signature bytes. `otpLocks` comes
 * from the codes table (otpLocksOf), which the row alone cannot tell.
 */
export function registrationView(r: Registration, otpLocks: OtpLocks = []) {
  return {
    object: 'registration' as const,
    id: r.id,
    status: registrationStatus(r),
    source: r.source,
    name: r.name,
    email: r.email,
    mobile: r.mobile,
    country_code: r.countryCode,
    promo: r.promoCode,
    email_verified: Boolean(r.emailVerifiedAt),
    mobile_verified: Boolean(r.mobileVerifiedAt),
    kyc: {
      business_type: r.businessType,
      pan: { status: r.panStatus, masked: r.pan ? maskPan(r.pan) : null, registered_name: r.panRegisteredName, failure_reason: r.panFailureReason },
      aadhaar: { status: r.aadhaarStatus, masked: r.aadhaarLast4 ? maskAadhaar(r.aadhaarLast4) : null, reference: r.aadhaarReference, failure_reason: r.aadhaarFailureReason },
      gst: { status: r.gstStatus, masked: r.gstin ? maskGstin(r.gstin) : null, legal_name: r.gstLegalName, failure_reason: r.gstFailureReason, skip_reason: r.gstSkipReason },
      provider: r.kycProvider,
      submitted_at: r.kycSubmittedAt,
    },
    requirements: requirementsOf(r, otpLocks),
    client_id: r.clientId,
    accepted_at: r.acceptedAt,
    expires_at: r.expiresAt,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}

export type RegistrationView = ReturnType<typeof registrationView>;
