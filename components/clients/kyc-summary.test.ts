import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { registrationView } from '@/lib/onboarding/requirements';
import { KycSummary } from './kyc-summary';

const completed = (kycProvider: string | null) =>
  registrationView({
    id: 'reg_test', status: 'completed', source: 'api', name: 'Asha', email: 'asha@example.com', mobile: '+919876543210', countryCode: '+91', promoCode: null,
    emailVerifiedAt: new Date(), mobileVerifiedAt: new Date(), businessType: 'proprietorship', pan: 'ABCPE1234F', panStatus: 'verified', panRegisteredName: 'ASHA', panFailureReason: null,
    aadhaarLast4: '0124', aadhaarReference: null, aadhaarStatus: 'verified', aadhaarFailureReason: null, gstin: null, gstStatus: 'skipped', gstLegalName: null, gstFailureReason: null,
    gstSkipReason: 'Below the threshold', kycProvider, kycSubmittedAt: new Date(), acceptedAt: new Date(), clientId: 'cli_test', expiresAt: new Date(), createdAt: new Date(), updatedAt: new Date(),
  } as Parameters<typeof registrationView>[0]);

const render = (kycProvider: string | null, live: boolean) => renderToStaticMarkup(createElement(KycSummary, { kyc: completed(kycProvider), live }));

describe('the client’s KYC summary', () => {
  it('marks a live client whose checks the simulator answered as simulated', () => {
    expect(render('simulator', true)).toContain('Simulated KYC');
  });

  it('has no such mark in test mode, where every client is simulated, nor for a real provider', () => {
    expect(render('simulator', false)).not.toContain('Simulated KYC');
    expect(render('some-real-provider', true)).not.toContain('Simulated KYC');
  });
});
