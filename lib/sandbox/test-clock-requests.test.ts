import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as advanceRoute from '@/app/api/v1/sandbox/test_clock/advance/route';
import * as creditsRoute from '@/app/api/v1/clients/[client_id]/wallet/credits/route';
import { getDb } from '@/db';
import { ledgerTransfers } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/manage-api-keys';
import { seedClient } from '@/lib/clients/seed-client';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { nextPeriod, periodOf } from '@/lib/periods/ist-month';
import { makePartner, systemFor, uniqueEmail } from '@/test/factories';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, key: string, path: string, params: Record<string, string>, body: unknown) {
  const request = new Request(`http://localhost/api/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const response = await handler(request, { params: Promise.resolve(params) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('requests with a test key', () => {
  it('run at the sandbox’s test clock while it is ahead, and at real time on a live key', async () => {
    const partner = await makePartner('clockreq');
    const sandboxId = await ensureSandbox(partner.id);
    const scopes = ['sandbox:write', 'billing:write'];
    const test = await createApiKey(systemFor(partner.id), { name: 'Clock test', mode: 'test', scopes });
    const live = await createApiKey(systemFor(partner.id), { name: 'Clock live', mode: 'live', scopes });
    const sandboxClient = await seedClient(systemFor(sandboxId), { name: 'Clock Sandbox Client', email: uniqueEmail('clockreq'), status: 'active' });
    const liveClient = await seedClient(systemFor(partner.id), { name: 'Clock Live Client', email: uniqueEmail('clockreq'), status: 'active' });
    const to = new Date(nextPeriod(periodOf(new Date())).start.getTime() + 30 * 60_000);
    expect((await call(advanceRoute.POST, test.secret, '/sandbox/test_clock/advance', {}, { to: to.toISOString() })).status).toBe(200);

    const credit = (key: string, clientId: string) => call(creditsRoute.POST, key, `/clients/${clientId}/wallet/credits`, { client_id: clientId }, { amount: 5_000 });
    expect((await credit(test.secret, sandboxClient.id)).status).toBe(200);
    expect((await credit(live.secret, liveClient.id)).status).toBe(200);
    const stamped = async (partnerId: string) => (await getDb().select().from(ledgerTransfers).where(eq(ledgerTransfers.partnerId, partnerId))).filter((t) => t.clientId).map((t) => t.createdAt);
    expect(await stamped(sandboxId)).toEqual([to]);
    const [liveStamp] = await stamped(partner.id);
    expect(Math.abs(liveStamp!.getTime() - Date.now())).toBeLessThan(60_000);
  });
});
