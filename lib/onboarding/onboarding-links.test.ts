import { describe, expect, it } from 'vitest';
import { linkAcceptsSteps, linkState } from './onboarding-links';

type LinkRow = Parameters<typeof linkState>[0];
const link = (status: LinkRow['status'], expiresInMs: number) => ({ status, expiresAt: new Date(Date.now() + expiresInMs) }) as LinkRow;

describe('an onboarding link', () => {
  it('expires by time while still active, but stays revoked or used as it was', () => {
    expect(linkState(link('active', 60_000))).toBe('active');
    expect(linkState(link('active', -1))).toBe('expired');
    expect(linkState(link('revoked', 60_000))).toBe('revoked');
    expect(linkState(link('used', -1))).toBe('used');
  });

  it('lets a prospect finish a registration begun before it expired, and nothing else once expired', () => {
    const pending = { status: 'pending' as const, expiresAt: new Date(Date.now() + 60_000) };
    expect(linkAcceptsSteps({ state: 'active', registration: null })).toBe(true);
    expect(linkAcceptsSteps({ state: 'expired', registration: pending })).toBe(true);
    expect(linkAcceptsSteps({ state: 'expired', registration: null })).toBe(false);
    expect(linkAcceptsSteps({ state: 'expired', registration: { status: 'expired', expiresAt: new Date() } })).toBe(false);
    // Past its own lifetime a registration is over, even before the worker marks it.
    expect(linkAcceptsSteps({ state: 'expired', registration: { ...pending, expiresAt: new Date(Date.now() - 1) } })).toBe(false);
    expect(linkAcceptsSteps({ state: 'revoked', registration: pending })).toBe(false);
    expect(linkAcceptsSteps({ state: 'used', registration: { status: 'completed', expiresAt: new Date() } })).toBe(false);
  });
});
