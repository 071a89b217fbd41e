import { describe, expect, it } from 'vitest';
import { makePartner, systemFor, unique } from '@/test/factories';
import { addPendingClient } from './add-pending-client';
import { getClient } from './manage-clients';

describe('addPendingClient', () => {
  it('adds a pending client, and a second one with the same e-mail (in any case) is a conflict on the e-mail', async () => {
    const ctx = systemFor((await makePartner('pend')).id);
    const email = `owner-${unique()}@example.com`;
    const client = await addPendingClient(ctx, { name: 'Acme Traders', email });
    expect((await getClient(ctx, client.id)).status).toBe('pending');
    await expect(addPendingClient(ctx, { name: 'Acme again', email: email.toUpperCase() })).rejects.toMatchObject({ code: 'conflict', fieldErrors: { email: expect.any(String) } });
  });

  it('lets exactly one of several concurrent requests for one e-mail in, and answers the others with the same conflict', async () => {
    const ctx = systemFor((await makePartner('pend')).id);
    const email = `race-${unique()}@example.com`;
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => addPendingClient(ctx, { name: `Racer ${i}`, email })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
  });
});
