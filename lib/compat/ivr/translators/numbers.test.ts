import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys/manage-api-keys';
import { allScopes } from '@/lib/api-keys/scopes';
import { seedClient } from '@/lib/clients/seed-client';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { simulateSandboxTopUp } from '@/lib/ledger/sandbox-helpers';
import { freshInventoryNumber } from '@/lib/numbers/test-numbers';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { makePartner, systemFor, unique, uniqueEmail } from '@/test/factories';
import type { AvailableEndpoint } from '../endpoint';
import { ivrEndpoints } from '../endpoints';
import { ivrRouteHandlers } from '../route';

/** IVR Solutions' DID endpoints over the route handler, each with its own example body (ids made real). */

type Envelope = { status: number; message: string; data?: unknown };

const example = (path: string) => structuredClone(ivrEndpoints.find((e) => e.path === path)!.example!);
const dataFieldsOf = (path: string) => (ivrEndpoints.find((e) => e.path === path) as AvailableEndpoint).data.fields.map((f) => f.name).sort();

let key: string;
let clientId: string;
let sandboxId: string;

async function send(method: 'GET' | 'POST', path: string, body?: unknown) {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await ivrRouteHandlers[method](new Request(`http://localhost/partnerclients/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
  return { status: response.status, json: (await response.json()) as Envelope };
}

function ok(answer: Awaited<ReturnType<typeof send>>, path: string) {
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  const data = answer.json.data as Record<string, unknown> | Record<string, unknown>[];
  for (const item of Array.isArray(data) ? data : [data]) expect(Object.keys(item).sort()).toEqual(dataFieldsOf(path));
  return data;
}

beforeAll(async () => {
  const partner = await makePartner('ivr-did');
  key = (await createApiKey(systemFor(partner.id), { name: `IVR ${unique()}`, mode: 'test', scopes: [...allScopes] })).secret;
  sandboxId = await ensureSandbox(partner.id);
  await simulateSandboxTopUp(systemFor(sandboxId), { amount: '10000000' });
  clientId = (await seedClient(systemFor(sandboxId), { name: 'IVR DID Client', email: uniqueEmail('ivr'), status: 'active' })).id;
  await addClientCredits(systemFor(sandboxId), { clientId, amount: '500000' });
});

describe('IVR Solutions DID endpoints', () => {
  it('did_regions and search_dids: circles by numeric id, each search_pattern, prices in rupees', async () => {
    const regions = ok(await send('GET', 'did_regions'), 'did_regions') as Record<string, unknown>[];
    expect(regions).toHaveLength(22);
    expect(regions[0]).toMatchObject({ region_id: 1, code: 'DL', name: 'Delhi' });
    const found = ok(await send('POST', 'search_dids', { ...example('search_dids'), client_id: clientId, pattern: '2222', search_pattern: 'ends_with' }), 'search_dids') as Record<string, unknown>[];
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((n) => String(n.number).endsWith('2222') && n.region === 'DL')).toBe(true);
    expect(found.find((n) => n.type === 'local')).toMatchObject({ setup_cost: '500.00', monthly_rent: '300.00' });
    const bad = await send('POST', 'search_dids', { ...example('search_dids'), client_id: clientId, search_pattern: 'sideways' });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/search_pattern/);
  });

  it('buy_did, client_dids, the schedule endpoints and remove_did on the bought number', async () => {
    const number = await freshInventoryNumber('4501', 'sandbox');
    const bought = ok(await send('POST', 'buy_did', { ...example('buy_did'), client_id: clientId, number: number.e164 }), 'buy_did') as Record<string, unknown>;
    expect(bought).toMatchObject({ did_id: number.id, number: number.e164, status: 'completed', setup_cost: '500.00' });
    const listed = ok(await send('GET', `client_dids/${clientId}`), 'client_dids/{client_id}') as Record<string, unknown>[];
    expect(listed.map((n) => n.did_no)).toContain(number.e164);

    const set = ok(await send('POST', 'set_did_schedule', { ...example('set_did_schedule'), client_id: clientId, did_id: number.id }), 'set_did_schedule') as Record<string, unknown>;
    expect(set).toMatchObject({ timezone: 'Asia/Kolkata', working_hours: { mon: { open: '09:00', close: '18:00' }, tue: null } });
    const holiday = ok(await send('POST', 'add_did_holiday', { ...example('add_did_holiday'), client_id: clientId, did_id: number.e164, date: '2099-08-15' }), 'add_did_holiday') as Record<string, unknown>;
    const schedule = ok(await send('POST', 'get_did_schedule', { ...example('get_did_schedule'), client_id: clientId, did_id: number.id }), 'get_did_schedule') as Record<string, unknown>;
    expect(schedule.holidays).toEqual([{ holiday_id: holiday.holiday_id, name: 'Acme Corp', date: '2099-08-15', end_date: '2099-08-15' }]);
    ok(await send('POST', 'delete_did_holiday', { client_id: clientId, holiday_id: holiday.holiday_id }), 'delete_did_holiday');

    const removed = ok(await send('POST', 'remove_did', { ...example('remove_did'), client_id: clientId, did_no: number.e164 }), 'remove_did') as Record<string, unknown>;
    expect(removed).toMatchObject({ did_id: number.id, status: 'quarantined' });
    expect((await send('POST', 'get_did_schedule', { client_id: clientId, did_id: number.id })).status).toBe(404);
  });
});
