import { describe, expect, it } from 'vitest';
import * as numberMaskingRoute from '@/app/api/v1/numbers/[number_id]/masking/route';
import * as numberSettingsRoute from '@/app/api/v1/number_settings/route';
import * as poolSettingsRoute from '@/app/api/v1/clients/[client_id]/masking_pool/settings/route';
import { createApiKey } from '@/lib/api-keys/manage-api-keys';
import { seedClient } from '@/lib/clients/seed-client';
import { makePartner, systemFor, uniqueEmail } from '@/test/factories';
import { addPoolNumbers } from './test-pool';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, key: string, method: string, path: string, params: Record<string, string> = {}, body?: unknown) {
  const request = new Request(`http://localhost/api/v1${path}`, { method, headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const response = await handler(request, { params: Promise.resolve(params) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function setup() {
  const partner = await makePartner('poolrest');
  const ctx = systemFor(partner.id);
  const { secret } = await createApiKey(ctx, { name: 'Pool REST', mode: 'live', scopes: ['masking:write', 'numbers:write'] });
  const client = await seedClient(ctx, { name: 'Pool Co', email: uniqueEmail('poolrest'), status: 'active' });
  const [number] = await addPoolNumbers({ partnerId: partner.id, clientId: client.id, environment: 'live', count: 1 });
  return { key: secret, client, number: number! };
}

describe('masking pool and number settings over REST', () => {
  it('reads and changes a pool’s auto-buy, keeping what the body leaves out; another partner’s client is a 404', async () => {
    const { key, client } = await setup();
    const path = `/clients/${client.id}/masking_pool/settings`;
    expect((await call(poolSettingsRoute.GET, key, 'GET', path, { client_id: client.id })).body).toMatchObject({ object: 'masking_pool_settings', auto_buy: false, max_pool_size: 10, region: null, type: 'local' });
    expect((await call(poolSettingsRoute.PUT, key, 'PUT', path, { client_id: client.id }, { auto_buy: true, max_pool_size: 4, region: 'ka' })).body).toMatchObject({ auto_buy: true, max_pool_size: 4, region: 'KA' });
    expect((await call(poolSettingsRoute.PUT, key, 'PUT', path, { client_id: client.id }, { auto_buy: false })).body).toMatchObject({ auto_buy: false, max_pool_size: 4, region: 'KA' });
    const bad = await call(poolSettingsRoute.PUT, key, 'PUT', path, { client_id: client.id }, { auto_buy: true, region: 'ZZ' });
    expect(bad).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    const other = await setup();
    expect((await call(poolSettingsRoute.GET, key, 'GET', `/clients/${other.client.id}/masking_pool/settings`, { client_id: other.client.id })).status).toBe(404);
  });

  it('takes a number out of its pool and puts it back; another partner’s number is a 404', async () => {
    const { key, number } = await setup();
    const path = `/numbers/${number.id}/masking`;
    expect((await call(numberMaskingRoute.PUT, key, 'PUT', path, { number_id: number.id }, { masking: false })).body).toMatchObject({ object: 'number_masking', number: number.e164, masking: false });
    const other = await setup();
    expect((await call(numberMaskingRoute.PUT, key, 'PUT', `/numbers/${other.number.id}/masking`, { number_id: other.number.id }, { masking: false })).status).toBe(404);
  });

  it('sets the quarantine days, refusing out-of-range values', async () => {
    const { key } = await setup();
    expect((await call(numberSettingsRoute.GET, key, 'GET', '/number_settings')).body).toEqual({ object: 'number_settings', quarantine_days: 30, grace_days: 7, suspended_days: 15 });
    expect((await call(numberSettingsRoute.PUT, key, 'PUT', '/number_settings', {}, { quarantine_days: 45, grace_days: 3, suspended_days: 10 })).body).toMatchObject({ quarantine_days: 45, grace_days: 3 });
    expect((await call(numberSettingsRoute.PUT, key, 'PUT', '/number_settings', {}, { quarantine_days: 400, grace_days: 3, suspended_days: 10 })).status).toBe(400);
  });
});
