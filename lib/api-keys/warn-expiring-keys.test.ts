import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { apiKeys, events, messages } from '@/db/schema';
import { makePartner, makeStaff } from '@/test/factories';
import { createApiKey, revokeApiKey } from './manage-api-keys';
import { warnExpiringApiKeys } from './warn-expiring-keys';

const day = 86_400_000;

describe('API keys that expire soon', () => {
  it('are announced once, seven days ahead, to the owners and admins, never with the key; revoked ones are not', async () => {
    const partner = await makePartner('keyexp');
    const admin = await makeStaff(partner.id, 'admin');
    const now = new Date();
    const { apiKey, secret } = await createApiKey(admin.ctx, { name: 'CRM sync', mode: 'live', scopes: ['clients:read'], expiresAt: new Date(now.getTime() + 10 * day) });
    const { apiKey: revoked } = await createApiKey(admin.ctx, { name: 'Old', mode: 'live', scopes: ['clients:read'], expiresAt: new Date(now.getTime() + 10 * day) });
    await revokeApiKey(admin.ctx, revoked.id);
    await createApiKey(admin.ctx, { name: 'Forever', mode: 'live', scopes: ['clients:read'] });

    const typesOf = async () => (await getDb().select().from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, 'api_key.expiring')))).map((e) => e.data as { api_key: { id: string }; days_left: number });
    await warnExpiringApiKeys(now);
    expect(await typesOf()).toEqual([]);
    const soon = new Date(now.getTime() + 3.5 * day);
    await warnExpiringApiKeys(soon);
    await warnExpiringApiKeys(new Date(soon.getTime() + day));
    expect((await typesOf()).map((e) => [e.api_key.id, e.days_left])).toEqual([[apiKey.id, 6]]);
    const mails = await getDb().select().from(messages).where(and(eq(messages.partnerId, partner.id), eq(messages.template, 'api_key_expiring')));
    expect(mails.map((m) => [m.recipient, m.subject])).toEqual([[admin.email, 'API key CRM sync expires in 6 days']]);
    const [row] = await getDb().select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row!.expiryWarnedAt).toEqual(soon);
    const stored = JSON.stringify([await typesOf(), mails]);
    expect(stored).not.toContain(secret);
  });
});
