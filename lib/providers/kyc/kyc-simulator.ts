import { randomBytes } from 'node:crypto';
import type { KycProvider } from './kyc-provider';

/**
 * A deterministic stand-in for a KYC service, used by default, in every sandbox and in tests. Its outcomes
 * depend only on the values sent, so anyone can reach each case on purpose. These magic values are
 * published in the API documentation (see `kycSimulatorRules`).
 */
export const sandboxAadhaarOtp = '123456';

export const kycSimulatorRules = {
  pan: [
    { when: 'the four digits are 0000', outcome: 'failed: no such PAN in the Income Tax records' },
    { when: 'the four digits are 0001', outcome: 'failed: the PAN holder’s name does not match the registration' },
    { when: 'the four digits are 9999', outcome: 'pending: the records service is slow; the check completes on its own a minute later' },
    { when: 'any other valid PAN', outcome: 'verified, registered to the registration’s name' },
  ],
  aadhaar: [
    { when: 'the number starts with 9', outcome: 'OTP not sent: no mobile number is linked to this Aadhaar' },
    { when: 'any other valid number', outcome: `OTP sent; the OTP ${sandboxAadhaarOtp} verifies, any other fails` },
  ],
  gstin: [
    { when: 'the entity number (13th character) is 9', outcome: 'failed: the GSTIN is cancelled' },
    { when: 'the entity number is 8', outcome: 'pending: completes on its own a minute later' },
    { when: 'any other valid GSTIN', outcome: 'verified, with the legal name from the PAN check' },
  ],
} as const;

export class KycSimulator implements KycProvider {
  readonly name = 'simulator';

  async verifyPan({ pan, name, firstCheckedAt }: { pan: string; name: string; firstCheckedAt?: Date }) {
    const digits = pan.slice(5, 9);
    if (digits === '0000') return { status: 'failed' as const, reason: 'No PAN with this number exists in the Income Tax records.' };
    if (digits === '0001') return { status: 'failed' as const, reason: 'The name registered with this PAN does not match the name given.' };
    if (digits === '9999' && !this.settled(firstCheckedAt)) return { status: 'pending' as const };
    return { status: 'verified' as const, registeredName: name.toUpperCase() };
  }

  async sendAadhaarOtp({ aadhaarNumber }: { aadhaarNumber: string }) {
    if (aadhaarNumber.startsWith('9')) return { status: 'failed' as const, reason: 'No mobile number is linked to this Aadhaar; the holder must link one at an Aadhaar centre.' };
    // Random, as a real provider's transaction id is: anything derived from the number would give it back to
    // whoever reads the stored reference (twelve digits are few enough to try them all). Outcomes stay
    // deterministic because they depend on the number and the OTP, never on the reference.
    const reference = `simref_${randomBytes(16).toString('hex')}`;
    return { status: 'otp_sent' as const, reference };
  }

  async verifyAadhaarOtp({ reference, otp }: { reference: string; otp: string }) {
    if (!reference.startsWith('simref_')) return { status: 'failed' as const, reason: 'The reference is unknown or has expired; send a new Aadhaar OTP.' };
    if (otp !== sandboxAadhaarOtp) return { status: 'failed' as const, reason: 'The Aadhaar OTP does not match.' };
    return { status: 'verified' as const, name: 'AADHAAR HOLDER' };
  }

  async verifyGstin({ gstin, panRegisteredName, firstCheckedAt }: { gstin: string; panRegisteredName?: string; firstCheckedAt?: Date }) {
    const entity = gstin[12];
    if (entity === '9') return { status: 'failed' as const, reason: 'This GSTIN is cancelled.' };
    if (entity === '8' && !this.settled(firstCheckedAt)) return { status: 'pending' as const };
    // The GSTIN holds the verified PAN, so its legal name is the one the PAN check returned (as documented).
    return { status: 'verified' as const, legalName: panRegisteredName ?? `GST REGISTRANT ${gstin.slice(2, 12)}` };
  }

  /** The simulator's pending checks settle a minute after the first one, like a slow real service. */
  readonly settlesPendingAfterMs = 60_000;

  private settled(firstCheckedAt: Date | undefined, now = Date.now()): boolean {
    return Boolean(firstCheckedAt && now - firstCheckedAt.getTime() >= this.settlesPendingAfterMs);
  }
}
