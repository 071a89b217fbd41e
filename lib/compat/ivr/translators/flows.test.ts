import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { numbers } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/manage-api-keys';
import { allScopes } from '@/lib/api-keys/scopes';
import { seedClient } from '@/lib/clients/seed-client';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { makePartner, systemFor, unique, uniqueEmail } from '@/test/factories';
import { ivrRouteHandlers } from '../route';

/** IVR Solutions' call-flow, agent-DID and agent-schedule endpoints over the route handler. */

type Envelope = { status: number; message: string; data?: Record<string, unknown> };
let key: string;
let clientId: string;
let dids: string[];

async function send(path: string, body: unknown) {
  const response = await ivrRouteHandlers.POST(new Request(`http://localhost/partnerclients/${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  return { status: response.status, json: (await response.json()) as Envelope };
}

beforeAll(async () => {
  const partner = await makePartner('ivr-flows');
  key = (await createApiKey(systemFor(partner.id), { name: `IVR ${unique()}`, mode: 'test', scopes: [...allScopes] })).secret;
  const sandboxId = await ensureSandbox(partner.id);
  clientId = (await seedClient(systemFor(sandboxId), { name: 'IVR Flows Client', email: uniqueEmail('ivr'), status: 'active' })).id;
  const base = `80${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const rows = await getDb()
    .insert(numbers)
    .values([1, 2].map((i) => ({ environment: 'sandbox' as const, carrier: 'simulator', e164: `+91${base}${i}`, digits: `${base}${i}`, country: 'IN', region: 'KA', type: 'local' as const, status: 'assigned' as const, partnerId: sandboxId, clientId })))
    .returning();
  dids = rows.map((r) => r.e164);
});

describe('call flows through the IVR Solutions paths', () => {
  it('creates a flow on a DID, edits it, maps another flow to the DID, and names bad fields in IVR terms', async () => {
    const agent = await send('add_agent', { client_id: clientId, name: 'Asha', email: uniqueEmail('a'), phonenumber: '9876500011', password: 'SecurePass@123', extension: '2101' });
    expect(agent.status).toBe(200);
    const created = await send('create_basic_flow', { client_id: clientId, flow_name: 'Support Flow', agent_ext: '2101', did_no: dids[0] });
    expect(created.status, JSON.stringify(created.json)).toBe(200);
    expect(created.json.data).toMatchObject({ flow_name: 'Support Flow', agent_ext: '2101', did_no: dids[0], recording_id: null });
    const flowId = created.json.data!.flow_id as string;
    const edited = await send('edit_basic_flow', { client_id: clientId, flow_id: flowId, transfer_to: '9800000004' });
    expect(edited.json.data).toMatchObject({ transfer_to: '+919800000004', flow_name: 'Support Flow' });
    const bad = await send('edit_basic_flow', { client_id: clientId, flow_id: flowId, agent_ext: '7777' });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/7777/);
    const second = await send('create_basic_flow', { client_id: clientId, flow_name: 'After hours', agent_ext: '2101', did_no: dids[1] });
    const mapped = await send('map_flow_did', { client_id: clientId, flow_id: second.json.data!.flow_id, did_no: dids[0] });
    expect(mapped.json.data).toMatchObject({ did_no: dids[0], flow_name: 'After hours', previous_flow_id: flowId });
    const foreign = await send('map_flow_did', { client_id: clientId, flow_id: 'flw_01kaz3d4mqf2v8n6w0c1e5rj7t', did_no: dids[0] });
    expect(foreign.status).toBe(404);
  });

  it('sets an agent’s caller-id DID (only the client’s own) and its working hours', async () => {
    const agent = await send('add_agent', { client_id: clientId, name: 'Ravi', email: uniqueEmail('r'), phonenumber: '9876500012', password: 'SecurePass@123', extension: '2102' });
    const agentId = agent.json.data!.agent_id as string;
    const did = await send('update_agent_did', { client_id: clientId, agent_ext: '2102', did_num: dids[1] });
    expect(did.json.data).toMatchObject({ agent_id: agentId, agent_ext: '2102', did_num: dids[1] });
    const notOurs = await send('update_agent_did', { client_id: clientId, agent_ext: '2102', did_num: '+911100000000' });
    expect(notOurs.status).toBe(400);
    expect(notOurs.json.message).toMatch(/client’s numbers/);
    const set = await send('set_agent_schedule', { client_id: clientId, agent_id: agentId, timezone: 'Asia/Kolkata', working_hours: { mon: { open: '09:00', close: '18:00' } } });
    expect(set.status, JSON.stringify(set.json)).toBe(200);
    expect(set.json.data).toMatchObject({ timezone: 'Asia/Kolkata', working_hours: { mon: { open: '09:00', close: '18:00' }, tue: null } });
    const got = await send('get_agent_schedule', { client_id: clientId, agent_id: agentId });
    expect(got.json.data).toMatchObject({ timezone: 'Asia/Kolkata', working_hours: { mon: { open: '09:00', close: '18:00' } } });
  });
});
