import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys/manage-api-keys';
import { allScopes } from '@/lib/api-keys/scopes';
import { seedClient } from '@/lib/clients/seed-client';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { makePartner, systemFor, unique, uniqueEmail } from '@/test/factories';
import type { AvailableEndpoint } from '../endpoint';
import { ivrEndpoints } from '../endpoints';
import { ivrRouteHandlers } from '../route';

/** IVR Solutions' WhatsApp endpoints over the route handler, each with its own example body (ids made real). */

type Envelope = { status: number; message: string; data?: unknown; code?: string };

const example = (path: string) => structuredClone(ivrEndpoints.find((e) => e.path === path)!.example!);
const dataFieldsOf = (path: string) => (ivrEndpoints.find((e) => e.path === path) as AvailableEndpoint).data.fields.map((f) => f.name).sort();

let key: string;
let clientId: string;
let otherClientId: string;

async function post(path: string, body: unknown) {
  const response = await ivrRouteHandlers.POST(new Request(`http://localhost/partnerclients/${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as Envelope };
}

function ok(answer: Awaited<ReturnType<typeof post>>, path: string) {
  expect(answer.status, answer.text).toBe(200);
  const data = answer.json.data as Record<string, unknown> | Record<string, unknown>[];
  for (const item of Array.isArray(data) ? data : [data]) expect(Object.keys(item).sort()).toEqual(dataFieldsOf(path));
  return data;
}

beforeAll(async () => {
  const partner = await makePartner('ivr-wa');
  key = (await createApiKey(systemFor(partner.id), { name: `IVR ${unique()}`, mode: 'test', scopes: [...allScopes] })).secret;
  const sandboxId = await ensureSandbox(partner.id);
  clientId = (await seedClient(systemFor(sandboxId), { name: 'IVR WhatsApp Client', email: uniqueEmail('ivr'), status: 'active' })).id;
  otherClientId = (await seedClient(systemFor(sandboxId), { name: 'Other Client', email: uniqueEmail('ivr'), status: 'active' })).id;
});

describe('IVR Solutions WhatsApp endpoints', () => {
  it('links with the example body, lists, schedules, adds and deletes a holiday, and unlinks; the token never comes back', async () => {
    const token = `EAAGexample${unique()}${unique()}`;
    const linked = ok(await post('link_whatsapp_did', { ...example('link_whatsapp_did'), client_id: clientId, access_token: token }), 'link_whatsapp_did') as Record<string, unknown>;
    expect(linked).toMatchObject({ client_id: clientId, phone_number_id: '1029384756', display_number: '+91 11 4310 4756', verified_name: 'Simulated Business 4756', status: 'active', differs_from_sent: ['display_number', 'verified_name'] });
    const waDidId = linked.wa_did_id as string;

    const listed = await post('get_whatsapp_dids', { client_id: clientId });
    expect((ok(listed, 'get_whatsapp_dids') as unknown[]).length).toBe(1);
    expect(listed.text).not.toContain(token);

    const scheduled = ok(await post('set_whatsapp_schedule', { ...example('set_whatsapp_schedule'), client_id: clientId, wa_did_id: waDidId }), 'set_whatsapp_schedule') as Record<string, unknown>;
    expect(scheduled).toMatchObject({ timezone: 'Asia/Kolkata', working_hours: { mon: { open: '09:00', close: '18:00' }, tue: null } });

    const holiday = ok(await post('add_whatsapp_holiday', { ...example('add_whatsapp_holiday'), client_id: clientId, wa_did_id: waDidId }), 'add_whatsapp_holiday') as Record<string, unknown>;
    expect(holiday).toMatchObject({ name: 'Acme Corp', date: '2025-08-15', end_date: '2025-08-15' });
    const read = ok(await post('get_whatsapp_schedule', { client_id: clientId, wa_did_id: waDidId }), 'get_whatsapp_schedule') as Record<string, unknown>;
    expect(read.holidays).toEqual([{ holiday_id: holiday.holiday_id, name: 'Acme Corp', date: '2025-08-15', end_date: '2025-08-15', hours: null }]);

    // Another client's id does not reach this number or its holiday.
    expect((await post('delete_whatsapp_holiday', { client_id: otherClientId, holiday_id: holiday.holiday_id })).status).toBe(404);
    ok(await post('delete_whatsapp_holiday', { client_id: clientId, holiday_id: holiday.holiday_id }), 'delete_whatsapp_holiday');
    expect((await post('delete_whatsapp_did', { client_id: otherClientId, wa_did_id: waDidId })).status).toBe(404);
    expect(ok(await post('delete_whatsapp_did', { client_id: clientId, wa_did_id: waDidId }), 'delete_whatsapp_did')).toMatchObject({ status: 'unlinked' });
  });

  it('answers Meta’s refusals and bad hours with the reason, naming IVR Solutions’ fields', async () => {
    const expired = await post('link_whatsapp_did', { ...example('link_whatsapp_did'), client_id: clientId, phone_number_id: '5550001', access_token: `EAAsim_expired_${unique()}${unique()}` });
    expect(expired.status).toBe(422);
    expect(expired.json).toMatchObject({ code: 'whatsapp_token_expired', message: expect.stringContaining('expired') });
    const linked = ok(await post('link_whatsapp_did', { client_id: clientId, phone_number_id: '5550002', access_token: `EAAGgood${unique()}${unique()}` }), 'link_whatsapp_did') as Record<string, unknown>;
    const bad = await post('set_whatsapp_schedule', { client_id: clientId, wa_did_id: linked.wa_did_id, timezone: 'IST', working_hours: { mon: { open: '9am', close: '18:00' } } });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/timezone/);
    expect(bad.json.message).toMatch(/working_hours\.mon/);
  });
});
