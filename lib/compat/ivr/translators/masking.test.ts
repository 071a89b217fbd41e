import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys/manage-api-keys';
import { allScopes } from '@/lib/api-keys/scopes';
import { seedClient } from '@/lib/clients/seed-client';
import { addPoolNumbers } from '@/lib/masking/test-pool';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { makePartner, systemFor, unique, uniqueEmail } from '@/test/factories';
import type { AvailableEndpoint } from '../endpoint';
import { ivrEndpoints } from '../endpoints';
import { ivrRouteHandlers } from '../route';

/** IVR Solutions' click-to-connect at its own path, /api/click_connect, over the route handler. */

type Envelope = { status: number; message: string; data?: Record<string, unknown>; code?: string };
const endpoint = ivrEndpoints.find((e) => e.path === 'click_connect') as AvailableEndpoint;
let key: string;
let clientId: string;

async function post(path: string, body: unknown) {
  const response = await ivrRouteHandlers.POST(new Request(`http://localhost${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  return { status: response.status, json: (await response.json()) as Envelope };
}

beforeAll(async () => {
  const partner = await makePartner('ivr-mask');
  key = (await createApiKey(systemFor(partner.id), { name: `IVR ${unique()}`, mode: 'test', scopes: [...allScopes] })).secret;
  const sandboxId = await ensureSandbox(partner.id);
  clientId = (await seedClient(systemFor(sandboxId), { name: 'IVR Masking Client', email: uniqueEmail('ivr'), status: 'active' })).id;
  await addPoolNumbers({ partnerId: sandboxId, clientId, environment: 'sandbox', count: 1 });
});

describe('IVR Solutions click_connect', () => {
  it('creates a masking session from its example at /api/click_connect, and the same party again finds the pool exhausted', async () => {
    const body = { ...endpoint.example, client_id: clientId };
    const answer = await post('/api/click_connect', body);
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    expect(Object.keys(answer.json.data!).sort()).toEqual(endpoint.data.fields.map((f) => f.name).sort());
    expect(answer.json.data).toMatchObject({ session_id: expect.stringMatching(/^msn_/), virtual_number: expect.stringMatching(/^\+91/), status: 'active' });
    const again = await post('/partnerclients/click_connect', body);
    expect(again.status).toBe(409);
    expect(again.json.message).toMatch(/needs at least 2/);
  });

  it('names a missing field', async () => {
    const answer = await post('/api/click_connect', { client_id: clientId, first_party: '+919812345678' });
    expect(answer.status).toBe(400);
    expect(answer.json.message).toMatch(/second_party/);
  });
});
