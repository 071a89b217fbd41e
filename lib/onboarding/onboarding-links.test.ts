import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { partnerHostnames } from '@/db/schema';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { hostOrigin, partnerUrl } from '@/lib/tenancy/urls';
import { makePartner, systemFor, uniqueDomain } from '@/test/factories';
import { createOnboardingLink, linkAcceptsSteps, linkState } from './onboarding-links';

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

describe('an onboarding link’s URL', () => {
  it('opens on the partner’s verified custom domain when it has one, else on its platform subdomain', async () => {
    const partner = await makePartner('links');
    const ctx = systemFor(partner.id);
    const onSubdomain = await createOnboardingLink(ctx, { prefill: {} });
    expect(onSubdomain.url).toBe(partnerUrl(partner.slug, `/onboard/${onSubdomain.token}`));

    const hostname = uniqueDomain();
    await getDb().insert(partnerHostnames).values({ partnerId: partner.id, hostname, status: 'verified', verificationToken: 'token', verifiedAt: new Date() });
    const onCustomDomain = await createOnboardingLink(ctx, { prefill: {} });
    expect(onCustomDomain.url).toBe(`${hostOrigin(hostname)}/onboard/${onCustomDomain.token}`);
    // Test-mode links open on the same host as live ones.
    const sandboxLink = await createOnboardingLink(systemFor(await ensureSandbox(partner.id)), { prefill: {} });
    expect(new URL(sandboxLink.url).hostname).toBe(hostname);
  });
});
