import { describe, expect, it } from 'vitest';
import { systemCtx } from '@/lib/audit/context';
import { setPartnerStatus, setRateLimitOverride } from '@/lib/partners/update-partner';
import { makePartner, systemFor } from '@/test/factories';
import { authenticateApiKey } from './authenticate-api-key';
import { createApiKey } from './manage-api-keys';

describe('authenticateApiKey', () => {
  it('gives a test key the live partner’s limit, and a later override reaches both modes at once', async () => {
    const partner = await makePartner('auth', { tier: 'premium' });
    const live = await createApiKey(systemFor(partner.id), { name: 'Live', mode: 'live', scopes: ['clients:read'] });
    const test = await createApiKey(systemFor(partner.id), { name: 'Test', mode: 'test', scopes: ['clients:read'] });
    expect(await authenticateApiKey(test.secret)).toMatchObject({ tier: 'premium', rateLimitPerHour: null, livePartnerId: partner.id });

    await setRateLimitOverride(systemCtx, { partnerId: partner.id, rateLimitPerHour: 42 });
    expect(await authenticateApiKey(live.secret)).toMatchObject({ rateLimitPerHour: 42 });
    expect(await authenticateApiKey(test.secret)).toMatchObject({ rateLimitPerHour: 42 });
  });

  it('refuses the test keys of a suspended partner, not only its live keys', async () => {
    const partner = await makePartner('auth');
    const test = await createApiKey(systemFor(partner.id), { name: 'Test', mode: 'test', scopes: ['clients:read'] });
    await authenticateApiKey(test.secret);
    await setPartnerStatus(systemCtx, { partnerId: partner.id, status: 'suspended', reason: 'Unpaid invoices' });
    // The suspension drops no key cache entry of its own: the entry lives at most its short lifetime.
    await expect(authenticateApiKey(test.secret, Date.now() + 11_000)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
