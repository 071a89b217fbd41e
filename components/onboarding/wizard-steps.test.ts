import { describe, expect, it } from 'vitest';
import type { Requirements } from '@/lib/onboarding/requirements';
import { maskEmail, maskMobile } from './mask';
import { stepOf, wizardScreen } from './wizard-steps';

const pending = (requirements: Partial<Requirements>) => ({
  status: 'pending' as const,
  requirements: { currently_due: [], pending_verification: [], errors: [], next_step: null, ...requirements },
});

describe('wizardScreen', () => {
  it('starts with the details form when there is no registration yet', () => {
    expect(wizardScreen(null)).toBe('register');
    expect(stepOf('register')).toBe('details');
  });

  it('follows next_step', () => {
    expect(wizardScreen(pending({ next_step: 'verify_otp' }))).toBe('verify_otp');
    expect(wizardScreen(pending({ next_step: 'verify_aadhaar_otp' }))).toBe('verify_aadhaar_otp');
    expect(stepOf(wizardScreen(pending({ next_step: 'send_aadhaar_otp' })))).toBe('aadhaar');
    expect(wizardScreen(pending({ next_step: 'accept' }))).toBe('accept');
  });

  it('waits on the step whose check is pending', () => {
    expect(wizardScreen(pending({ next_step: 'wait_for_verification', pending_verification: ['pan'] }))).toBe('wait_for_pan');
    expect(wizardScreen(pending({ next_step: 'wait_for_verification', pending_verification: ['gst'] }))).toBe('wait_for_gst');
    expect(stepOf('wait_for_gst')).toBe('gst');
    expect(stepOf('wait_for_pan')).toBe('pan');
  });

  it('ends on completed or closed registrations', () => {
    expect(wizardScreen({ ...pending({}), status: 'completed' })).toBe('completed');
    expect(wizardScreen({ ...pending({}), status: 'expired' })).toBe('closed');
  });
});

describe('masking', () => {
  it('keeps only what identifies the contact', () => {
    expect(maskEmail('asha@example.com')).toBe('a•••@example.com');
    expect(maskMobile('+919876543210', '+91')).toBe('+91 ••••••3210');
    expect(maskMobile('+919876543210', 'IN')).toBe('••••••3210');
  });
});
