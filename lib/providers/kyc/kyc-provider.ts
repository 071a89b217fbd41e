import type { BusinessType } from '@/lib/kyc/validators/pan';

/**
 * What Switchboard needs from a KYC verification service. Inputs have already passed the local checks
 * (structure, check digits); a provider answers about the records behind them.
 */
export type PanCheck = { status: 'verified'; registeredName: string } | { status: 'failed'; reason: string } | { status: 'pending' };
export type AadhaarOtpSent = { status: 'otp_sent'; reference: string } | { status: 'failed'; reason: string };
export type AadhaarCheck = { status: 'verified'; name: string } | { status: 'failed'; reason: string };
export type GstCheck = { status: 'verified'; legalName: string } | { status: 'failed'; reason: string } | { status: 'pending' };

export interface KycProvider {
  readonly name: string;
  /** `firstCheckedAt` is set when asking again about a check that was pending. */
  verifyPan(input: { pan: string; businessType: BusinessType; name: string; firstCheckedAt?: Date }): Promise<PanCheck>;
  /** Sends an OTP to the mobile linked to the Aadhaar number; the number itself must not be kept. */
  sendAadhaarOtp(input: { aadhaarNumber: string }): Promise<AadhaarOtpSent>;
  verifyAadhaarOtp(input: { reference: string; otp: string }): Promise<AadhaarCheck>;
  /**
   * `panRegisteredName` is the name the PAN check returned for the PAN inside the GSTIN: a real service answers
   * with the legal name on the GST register; the simulator, which has no register, repeats this one.
   */
  verifyGstin(input: { gstin: string; panRegisteredName?: string; firstCheckedAt?: Date }): Promise<GstCheck>;
}
