import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlivoMasking } from './masking-plivo';

/**
 * A local stand-in for Plivo's masking session API, answering as its documentation and SDKs show: Basic auth,
 * `POST …/Masking/Session/` with a JSON body answering `{ api_id, session_uuid, virtual_number, message,
 * session }`, `POST …/Masking/Session/{uuid}/` answering `{ api_id, message, session }`, and
 * `DELETE …/Masking/Session/{uuid}/` answering 204 (404 for a session it does not have).
 */
const authId = 'MAFAKEAUTHID0000000';
const authToken = 'fake-token-0123456789';
const sessions = new Map<string, Record<string, unknown>>();
const seen: { method: string; path: string; body: Record<string, unknown> | null }[] = [];
let poolNumber = '918012345678';
let server: Server;
let masking: PlivoMasking;

function reply(res: ServerResponse, status: number, body?: unknown) {
  res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString();
  const body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  const url = new URL(req.url!, 'http://fake');
  seen.push({ method: req.method!, path: url.pathname, body });
  if (req.headers.authorization !== `Basic ${Buffer.from(`${authId}:${authToken}`).toString('base64')}`) return reply(res, 401, { api_id: 'x', error: 'Authentication failed' });
  const prefix = `/v1/Account/${authId}/Masking/Session/`;
  if (!url.pathname.startsWith(prefix)) return reply(res, 404, { api_id: 'x', error: 'not found' });
  const uuid = url.pathname.slice(prefix.length).replace(/\/$/, '');
  if (req.method === 'POST' && !uuid) {
    if (!body?.first_party || !body.second_party) return reply(res, 400, { api_id: 'x', error: 'first_party and second_party are required' });
    const id = `sess-${sessions.size + 1}`;
    sessions.set(id, { ...body, session_uuid: id, virtual_number: poolNumber, status: 'active' });
    return reply(res, 200, { api_id: 'create', session_uuid: id, virtual_number: `+${poolNumber}`, message: 'Session created', session: sessions.get(id) });
  }
  if (!sessions.has(uuid)) return reply(res, 404, { api_id: 'x', error: 'session not found' });
  if (req.method === 'POST') {
    sessions.set(uuid, { ...sessions.get(uuid), ...body });
    return reply(res, 200, { api_id: 'update', message: 'Session updated', session: sessions.get(uuid) });
  }
  if (req.method === 'DELETE') {
    sessions.delete(uuid);
    return reply(res, 204);
  }
  return reply(res, 405, { api_id: 'x', error: 'method not allowed' });
}

beforeAll(async () => {
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  masking = new PlivoMasking({ authId, authToken, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const request = { reference: 'msn_1', virtualNumber: '+918012345678', firstParty: '+919811111111', secondParty: '+919822222222', sessionExpiry: 600, callTimeLimit: 300, ringTimeout: 30, record: true, initiateCallToFirstParty: false, callbackUrl: 'https://sb.example/api/call_events' };

describe('Plivo masking sessions', () => {
  it('creates, updates and deletes a session with Plivo’s field names', async () => {
    const created = await masking.createMaskingSession(request);
    expect(created).toEqual({ status: 'created', carrierSessionId: 'sess-1' });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', path: `/v1/Account/${authId}/Masking/Session/`, body: { first_party: '+919811111111', second_party: '+919822222222', session_expiry: 600, call_time_limit: 300, ring_timeout: 30, record: true, initiate_call_to_first_party: false, callback_url: request.callbackUrl, callback_method: 'POST' } });
    expect(await masking.updateMaskingSession({ carrierSessionId: 'sess-1', reference: 'msn_1', changes: { sessionExpiry: 1200 } })).toEqual({ status: 'updated', carrierSessionId: 'sess-1' });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', path: `/v1/Account/${authId}/Masking/Session/sess-1/`, body: { session_expiry: 1200 } });
    expect(await masking.endMaskingSession({ carrierSessionId: 'sess-1', reference: 'msn_1' })).toEqual({ status: 'ended', carrierSessionId: 'sess-1' });
    // Deleting what Plivo no longer has still ends it.
    expect((await masking.endMaskingSession({ carrierSessionId: 'sess-1', reference: 'msn_1' })).status).toBe('ended');
  });

  it('refuses a party change (Plivo cannot make one) and a session on another number than allocated', async () => {
    expect((await masking.updateMaskingSession({ carrierSessionId: 'sess-x', reference: 'msn_1', changes: { secondParty: '+919833333333' } })).status).toBe('failed');
    poolNumber = '918099999999';
    const created = await masking.createMaskingSession({ ...request, reference: 'msn_2' });
    expect(created.status).toBe('failed');
    expect(seen.at(-1)?.method).toBe('DELETE');
    poolNumber = '918012345678';
  });

  it('reports Plivo’s error and an unreachable Plivo as failures, never throws', async () => {
    const failed = await masking.createMaskingSession({ ...request, firstParty: '' });
    expect(failed).toMatchObject({ status: 'failed' });
    expect((failed as { reason: string }).reason).toContain('400');
    const down = new PlivoMasking({ authId, authToken, baseUrl: 'http://127.0.0.1:1', timeoutMs: 1000 });
    expect((await down.createMaskingSession(request)).status).toBe('failed');
  });
});
