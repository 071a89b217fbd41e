import { describe, expect, it } from 'vitest';
import { verhoeffCheckDigit } from '@/lib/kyc/validators/aadhaar';
import { KycSimulator, kycSimulatorRules, sandboxAadhaarOtp } from './kyc-simulator';

const simulator = new KycSimulator();
const aadhaar = (first11: string) => `${first11}${verhoeffCheckDigit(first11)}`;

describe('the KYC simulator’s Aadhaar OTP', () => {
  it('gives a fresh reference each time, so a stored reference says nothing about the number', async () => {
    const number = aadhaar('23456789012');
    const first = await simulator.sendAadhaarOtp({ aadhaarNumber: number });
    const second = await simulator.sendAadhaarOtp({ aadhaarNumber: number });
    if (first.status !== 'otp_sent' || second.status !== 'otp_sent') throw new Error('expected an OTP to be sent');
    expect(first.reference).toMatch(/^simref_[0-9a-f]{32}$/);
    expect(second.reference).not.toBe(first.reference);
  });

  it('keeps its outcomes deterministic: the published OTP verifies any reference it issued, others fail', async () => {
    const sent = await simulator.sendAadhaarOtp({ aadhaarNumber: aadhaar('34567890123') });
    if (sent.status !== 'otp_sent') throw new Error('expected an OTP to be sent');
    expect(await simulator.verifyAadhaarOtp({ reference: sent.reference, otp: sandboxAadhaarOtp })).toEqual({ status: 'verified', name: 'AADHAAR HOLDER' });
    expect((await simulator.verifyAadhaarOtp({ reference: sent.reference, otp: '000000' })).status).toBe('failed');
    expect((await simulator.sendAadhaarOtp({ aadhaarNumber: aadhaar('93456789012') })).status).toBe('failed');
  });
});

describe('the KYC simulator’s GSTIN check', () => {
  it('answers with the legal name from the PAN check, as the API reference says', async () => {
    expect(await simulator.verifyGstin({ gstin: '27AAACR5055K1Z7', panRegisteredName: 'RELIANCE INDUSTRIES' })).toEqual({ status: 'verified', legalName: 'RELIANCE INDUSTRIES' });
    const rule = kycSimulatorRules.gstin.find((r) => r.when === 'any other valid GSTIN');
    expect(rule?.outcome).toMatch(/legal name from the PAN check/);
  });
});
