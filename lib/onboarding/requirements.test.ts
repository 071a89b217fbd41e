import { describe, expect, it } from 'vitest';
import type { Registration } from '@/db/schema';
import { stageOf } from './registration-queries';
import { requirementsOf } from './requirements';

/** A pending registration with both contacts verified, changed as each case needs. */
function registration(change: Partial<Registration>): Registration {
  const now = new Date();
  return { status: 'pending', emailVerifiedAt: now, mobileVerifiedAt: now, panStatus: 'unverified', aadhaarStatus: 'unverified', gstStatus: 'unverified', acceptedAt: null, ...change } as Registration;
}

describe('requirementsOf', () => {
  it('walks the steps in order', () => {
    expect(requirementsOf(registration({ mobileVerifiedAt: null })).next_step).toBe('verify_otp');
    expect(requirementsOf(registration({})).next_step).toBe('verify_pan');
    expect(requirementsOf(registration({ panStatus: 'verified' })).next_step).toBe('send_aadhaar_otp');
    expect(requirementsOf(registration({ panStatus: 'verified', aadhaarStatus: 'otp_sent' })).next_step).toBe('verify_aadhaar_otp');
    expect(requirementsOf(registration({ panStatus: 'verified', aadhaarStatus: 'verified' })).next_step).toBe('verify_gst');
    expect(requirementsOf(registration({ panStatus: 'verified', aadhaarStatus: 'verified', gstStatus: 'skipped' })).next_step).toBe('accept');
  });

  // The Aadhaar step refuses to run before the PAN is verified, so next_step must not send anyone there.
  it('waits for a PAN still being checked before the Aadhaar step', () => {
    const { next_step, pending_verification } = requirementsOf(registration({ panStatus: 'pending' }));
    expect(pending_verification).toEqual(['pan']);
    expect(next_step).toBe('wait_for_verification');
  });

  it('waits for a GSTIN still being checked before acceptance', () => {
    expect(requirementsOf(registration({ panStatus: 'verified', aadhaarStatus: 'verified', gstStatus: 'pending' })).next_step).toBe('wait_for_verification');
  });
});

describe('requirement errors', () => {
  it('name a wrong Aadhaar OTP, which leaves the step at otp_sent to be tried again', () => {
    const { errors, next_step } = requirementsOf(registration({ panStatus: 'verified', aadhaarStatus: 'otp_sent', aadhaarFailureReason: 'The Aadhaar OTP does not match.' }));
    expect(errors).toEqual([{ requirement: 'aadhaar', code: 'aadhaar_otp_incorrect', reason: 'The Aadhaar OTP does not match.' }]);
    expect(next_step).toBe('verify_aadhaar_otp');
  });

  it('name a locked e-mail or SMS code, until that contact is verified', () => {
    const bothOpen = requirementsOf(registration({ emailVerifiedAt: null, mobileVerifiedAt: null }), ['email', 'mobile']);
    expect(bothOpen.errors.map((e) => [e.requirement, e.code])).toEqual([
      ['email_otp', 'email_otp_locked'],
      ['mobile_otp', 'mobile_otp_locked'],
    ]);
    expect(bothOpen.errors.every((e) => /locked.*new one/.test(e.reason))).toBe(true);
    expect(requirementsOf(registration({}), ['email']).errors).toEqual([]);
  });

  it('give each failed provider check its own code', () => {
    const failed = requirementsOf(registration({ panStatus: 'failed', panFailureReason: 'No PAN.', aadhaarStatus: 'failed', aadhaarFailureReason: 'No mobile.', gstStatus: 'failed', gstFailureReason: 'Cancelled.' }));
    expect(failed.errors.map((e) => e.code)).toEqual(['pan_check_failed', 'aadhaar_check_failed', 'gst_check_failed']);
  });
});

describe('stageOf', () => {
  it('puts a registration where the Pending list filters it: a PAN being checked at PAN, a GSTIN being checked at GST', () => {
    expect(stageOf(requirementsOf(registration({ panStatus: 'pending' })))).toBe('verify_pan');
    expect(stageOf(requirementsOf(registration({ panStatus: 'verified', aadhaarStatus: 'otp_sent' })))).toBe('aadhaar');
    expect(stageOf(requirementsOf(registration({ panStatus: 'verified', aadhaarStatus: 'verified', gstStatus: 'pending' })))).toBe('gst');
    expect(stageOf(requirementsOf(registration({ mobileVerifiedAt: null })))).toBe('verify_otp');
  });
});
