import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/manage-api-keys';
import { allScopes } from '@/lib/api-keys/scopes';
import { seedClient } from '@/lib/clients/seed-client';
import { ensureSandbox } from '@/lib/partners/sandbox';
import { makePartner, systemFor, unique, uniqueEmail } from '@/test/factories';
import type { AvailableEndpoint } from '../endpoint';
import { ivrEndpoints } from '../endpoints';
import { ivrRouteHandlers } from '../route';

/** IVR Solutions' agent, availability and voice-bot endpoints over the route handler, from their own examples. */

type Envelope = { status: number; message: string; data?: unknown };

const example = (path: string) => structuredClone(ivrEndpoints.find((e) => e.path === path)!.example!);
const dataFieldsOf = (path: string) => (ivrEndpoints.find((e) => e.path === path) as AvailableEndpoint).data.fields.map((f) => f.name).sort();

let key: string;
let clientId: string;

async function send(method: 'GET' | 'POST', path: string, body?: unknown) {
  const response = await ivrRouteHandlers[method](
    new Request(`http://localhost/partnerclients/${path}`, { method, headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined }),
  );
  return { status: response.status, text: '', json: (await response.json()) as Envelope };
}

function ok(answer: Awaited<ReturnType<typeof send>>, path: string) {
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  const data = answer.json.data as Record<string, unknown> | Record<string, unknown>[];
  for (const item of Array.isArray(data) ? data : [data]) expect(Object.keys(item).sort()).toEqual(dataFieldsOf(path));
  return data as Record<string, unknown>;
}

beforeAll(async () => {
  const partner = await makePartner('ivr-agents');
  key = (await createApiKey(systemFor(partner.id), { name: `IVR ${unique()}`, mode: 'test', scopes: [...allScopes] })).secret;
  const sandboxId = await ensureSandbox(partner.id);
  clientId = (await seedClient(systemFor(sandboxId), { name: 'IVR Agents Client', email: uniqueEmail('ivr'), status: 'active' })).id;
});

/** The example with the values it cannot mean here made real: its client, manager ids of its own numbering, a DID. */
function agentExample(path: string, extra: Record<string, unknown> = {}) {
  const { did_num: _did, reporting_manager: _r, manager: _m, ...body } = example(path);
  return { ...body, client_id: clientId, email: uniqueEmail('agent'), ...extra };
}

describe('agents through the IVR Solutions paths', () => {
  it('adds, edits, sets availability, lists and deletes an agent', async () => {
    const added = ok(await send('POST', 'add_agent', agentExample('add_agent')), 'add_agent');
    expect(added).toMatchObject({ extension: '2101', phonenumber: '+919876543210', is_webrtc: '1', dial_preference: '1', permission_group: '2', status: '1', availability: 'offline' });
    const agentId = added.agent_id as string;
    const edited = ok(await send('POST', 'edit_agent', { client_id: clientId, agent_id: agentId, name: 'Ops Lead', permission_group: '1', is_webrtc: '0' }), 'edit_agent');
    expect(edited).toMatchObject({ name: 'Ops Lead', permission_group: '1', is_webrtc: '0', extension: '2101' });
    const online = await send('POST', 'update_agent_availability', { ...example('update_agent_availability'), client_id: clientId, agent_id: agentId });
    expect(ok(online, 'update_agent_availability')).toMatchObject({ availability: 'available', queued_availability: null });
    const board = await send('POST', 'get_agents_availability', { client_id: clientId });
    expect(ok(board, 'get_agents_availability')).toEqual([expect.objectContaining({ agent_id: agentId, available: '1', availability: 'available' })]);
    const deleted = ok(await send('POST', 'delete_agent', { client_id: clientId, agent_id: agentId }), 'delete_agent');
    expect(deleted).toMatchObject({ status: '0', availability: 'offline' });
    const audit = await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, agentId)).orderBy(asc(auditLog.createdAt), asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(['agent.created', 'agent.updated', 'agent.status_changed', 'agent.deactivated']);
  });

  it('answers bad input in its envelope naming the field: a DID it cannot set yet, a taken extension, an unknown flag, another client’s agent', async () => {
    const withDid = await send('POST', 'add_agent', { ...agentExample('add_agent'), did_num: '+911143104501' });
    expect(withDid.status).toBe(400);
    expect(withDid.json.message).toMatch(/did_num/);
    const first = ok(await send('POST', 'add_agent', agentExample('add_agent', { extension: '2201' })), 'add_agent');
    const taken = await send('POST', 'add_agent', agentExample('add_agent', { extension: '2201' }));
    expect(taken.status).toBe(409);
    const flag = await send('POST', 'update_agent_availability', { client_id: clientId, agent_id: first.agent_id, available: 'maybe' });
    expect(flag.status).toBe(400);
    expect(flag.json.message).toMatch(/available/);
    const otherClient = (await seedClient(systemFor(await ensureSandbox((await makePartner('ivr-x')).id)), { name: 'x', email: uniqueEmail('x'), status: 'active' })).id;
    expect((await send('POST', 'delete_agent', { client_id: otherClient, agent_id: first.agent_id })).status).toBe(404);
    const missing = await send('POST', 'add_agent', { client_id: clientId, name: 'No mail' });
    expect(missing.status).toBe(400);
  });
});

describe('voice bots through the IVR Solutions paths', () => {
  it('creates, updates by id, lists, reads and deletes a bot, never answering its header', async () => {
    const { id: _id, ...createBody } = example('create_wss_bot');
    // A sandbox may use any address, so the example's example.com URLs are taken as they are.
    const created = ok(await send('POST', 'create_wss_bot', { ...createBody, client_id: clientId }), 'create_wss_bot');
    expect(created).toMatchObject({ bot_name: 'Lead Bot', to_be_used: 'voice', wss_url: 'wss://example.com/stream', wss_header: 'Authorization: ••••••••' });
    const updated = await send('POST', 'create_wss_bot', { client_id: clientId, id: created.id, bot_name: 'Lead Bot 2', to_be_used: 'voice' });
    expect(ok(updated, 'create_wss_bot')).toMatchObject({ id: created.id, bot_name: 'Lead Bot 2', wss_header: 'Authorization: ••••••••' });
    expect(updated.json.message).toBe('Bot updated');
    const listed = ok(await send('GET', `get_wss_bots/${clientId}`), 'get_wss_bots/{client_id}');
    expect(listed).toEqual([expect.objectContaining({ id: created.id })]);
    expect(ok(await send('POST', 'get_wss_bot', { client_id: clientId, id: created.id }), 'get_wss_bot')).toMatchObject({ bot_name: 'Lead Bot 2' });
    const everything = JSON.stringify([created, updated.json, listed]);
    expect(everything).not.toContain('Bearer xyz');
    expect(ok(await send('POST', 'delete_wss_bot', { client_id: clientId, id: created.id }), 'delete_wss_bot')).toEqual({ id: created.id, deleted: true });
    expect((await send('POST', 'get_wss_bot', { client_id: clientId, id: created.id })).status).toBe(404);
  });
});
