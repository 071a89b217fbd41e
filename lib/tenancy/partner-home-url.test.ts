import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { partnerHostnames } from '@/db/schema';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { makePartner, uniqueDomain } from '@/test/factories';
import { partnerHomeUrl } from './partner-home-url';
import { hostOrigin, partnerUrl } from './urls';

async function addHostname(partnerId: string, status: 'pending' | 'verified' | 'failed', verifiedAt: Date | null = null) {
  const hostname = uniqueDomain();
  await getDb().insert(partnerHostnames).values({ partnerId, hostname, status, verificationToken: 'token', verifiedAt });
  return hostname;
}

describe('a partner’s home URL', () => {
  it('is the platform subdomain until a custom domain is verified; pending and failed ones are never used', async () => {
    const partner = await makePartner('home');
    expect(await partnerHomeUrl(getDb(), partner.id, '/onboard/x')).toBe(partnerUrl(partner.slug, '/onboard/x'));
    await addHostname(partner.id, 'pending');
    await addHostname(partner.id, 'failed');
    expect(await partnerHomeUrl(getDb(), partner.id, '/onboard/x')).toBe(partnerUrl(partner.slug, '/onboard/x'));
  });

  it('is the most recently verified custom domain, for the sandbox too', async () => {
    const partner = await makePartner('home');
    const older = await addHostname(partner.id, 'verified', new Date(Date.now() - 86_400_000));
    expect(await partnerHomeUrl(getDb(), partner.id, '/onboard/x')).toBe(`${hostOrigin(older)}/onboard/x`);
    const newer = await addHostname(partner.id, 'verified', new Date());
    expect(await partnerHomeUrl(getDb(), partner.id, '/onboard/x')).toBe(`${hostOrigin(newer)}/onboard/x`);
    const sandboxId = await ensureSandbox(partner.id);
    expect(await partnerHomeUrl(getDb(), sandboxId, '/onboard/x')).toBe(`${hostOrigin(newer)}/onboard/x`);
  });
});
