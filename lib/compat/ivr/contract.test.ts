import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { apiRequestLog, auditLog, otpCodes } from '@/db/schema';
import { flushApiRequests } from '@/lib/api/request-log';
import { createApiKey } from '@/lib/api-keys/manage-api-keys';
import { allScopes, type Scope } from '@/lib/api-keys/scopes';
import { verhoeffCheckDigit } from '@/lib/kyc/validators/aadhaar';
import { gstinCheckCharacter } from '@/lib/kyc/validators/gstin';
import { createPromoCode } from '@/lib/onboarding/promo-codes';
import { makePartner, systemFor, unique } from '@/test/factories';
import type { AvailableEndpoint } from './endpoint';
import { ivrEndpoints } from './endpoints';
import { ivrRouteHandlers } from './route';
import { defaultStatusReason } from './translators/clients';
import { defaultGstSkipReason, tempClientData } from './translators/registration';

/**
 * A contract test per available endpoint, over the route handler as Next calls it: each sends IVR Solutions' own
 * example body from the mapping table (with only the values its example gets wrong made valid), and checks the
 * envelope, the fields of `data` and the status; then one bad input each, answered `{ status, message }`.
 */

type Envelope = { status: number; message: string; data?: unknown; code?: string };

const signature = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const example = (path: string) => structuredClone(ivrEndpoints.find((e) => e.path === path)!.example!);
const dataFieldsOf = (path: string) => (ivrEndpoints.find((e) => e.path === path) as AvailableEndpoint).data.fields.map((f) => f.name).sort();
const mobile = () => `9${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;

let key: string;

async function send(method: string, path: string, options: { body?: unknown; form?: Record<string, string>; raw?: string; contentType?: string; key?: string | null } = {}) {
  const headers: Record<string, string> = {};
  const token = options.key === undefined ? key : options.key;
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  } else if (options.form) {
    body = new URLSearchParams(options.form).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (options.raw !== undefined) {
    body = options.raw;
    if (options.contentType) headers['content-type'] = options.contentType;
  }
  const handler = ivrRouteHandlers[method as keyof typeof ivrRouteHandlers];
  const response = await handler(new Request(`http://localhost/partnerclients/${path}`, { method, headers, body }));
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: (text ? JSON.parse(text) : undefined) as Envelope };
}

/** A success in IVR Solutions' envelope, whose data has exactly the endpoint's documented fields. */
function expectOk(answer: Awaited<ReturnType<typeof send>>, path: string) {
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  expect(answer.headers.get('content-type')).toBe('application/json');
  expect(answer.json).toEqual({ status: 200, message: expect.any(String), data: expect.anything() });
  const data = answer.json.data as Record<string, unknown> | Record<string, unknown>[];
  for (const item of Array.isArray(data) ? data : [data]) expect(Object.keys(item).sort()).toEqual(dataFieldsOf(path));
  return answer.json.data as Record<string, unknown>;
}

/** An IVR Solutions error: `{ status, message }`, `code` only where Switchboard has more to say. */
function expectError(answer: Awaited<ReturnType<typeof send>>, status: number, message: RegExp, code?: string) {
  expect(answer.status, JSON.stringify(answer.json)).toBe(status);
  expect(answer.headers.get('content-type')).toBe('application/json');
  expect(answer.json).toEqual(code ? { status, message: expect.stringMatching(message), code } : { status, message: expect.stringMatching(message) });
}

async function keyWith(partnerId: string, scopes: readonly Scope[]) {
  return (await createApiKey(systemFor(partnerId), { name: `IVR ${unique()}`, mode: 'test', scopes: [...scopes] })).secret;
}

let partnerId: string;
beforeAll(async () => {
  partnerId = (await makePartner('ivr')).id;
  key = await keyWith(partnerId, allScopes);
  // The example registers with promo WELCOME10: defined here, so the example is sent as it is.
  await createPromoCode(systemFor(partnerId), { code: 'WELCOME10' });
});

describe('the IVR Solutions mapping table', () => {
  it('has the 48 endpoints of its reference, in its ten groups, and its click-to-connect, each path once', () => {
    const counts = [...new Set(ivrEndpoints.map((e) => e.group))].map((group) => [group, ivrEndpoints.filter((e) => e.group === group).length]);
    expect(counts).toEqual([
      ['Client Registration & KYC', 10],
      ['Clients', 4],
      ['DID Numbers', 5],
      ['DID Scheduling', 4],
      ['Agents', 4],
      ['Agent Scheduling & Availability', 4],
      ['Call Flows', 3],
      ['Voice Bots', 4],
      ['WhatsApp', 7],
      ['Wallet & Credits', 3],
      ['Number Masking', 1],
    ]);
    expect(new Set(ivrEndpoints.map((e) => e.path)).size).toBe(49);
    expect(ivrEndpoints.filter((e) => e.status === 'available').map((e) => e.path)).toEqual([
      'register', 'verify_otp', 'resend_otp', 'verify_pan', 'aadhar_otp', 'aadhar_verify', 'verify_gst', 'skip_gst', 'preview_kyc', 'accept_kyc',
      'clients', 'client/{client_id}', 'update_status', 'pending',
      'did_regions', 'search_dids', 'buy_did', 'remove_did', 'client_dids/{client_id}',
      'get_did_schedule', 'set_did_schedule', 'add_did_holiday', 'delete_did_holiday',
      'add_agent', 'edit_agent', 'delete_agent', 'update_agent_did', 'get_agent_schedule', 'set_agent_schedule', 'update_agent_availability', 'get_agents_availability',
      'create_basic_flow', 'edit_basic_flow', 'map_flow_did',
      'create_wss_bot', 'get_wss_bots/{client_id}', 'get_wss_bot', 'delete_wss_bot',
      'link_whatsapp_did', 'get_whatsapp_dids', 'delete_whatsapp_did', 'set_whatsapp_schedule', 'get_whatsapp_schedule', 'add_whatsapp_holiday', 'delete_whatsapp_holiday',
      'wallet_transactions', 'wallet_balance', 'add_client_credits',
      'click_connect',
    ]);
  });

  it('documents every data field of a registration with the field of the REST resource it comes from', async () => {
    const registered = await send('POST', 'register', { body: { ...example('register'), email: `doc-${unique()}@example.com`, mobile: mobile() } });
    const data = expectOk(registered, 'register');
    expect(Object.keys(data).sort()).toEqual(tempClientData.map((f) => f.name).sort());
  });
});

describe('the IVR Solutions onboarding endpoints, one after another on one registration', () => {
  const state: { id?: string; ref?: string; clientId?: string } = {};
  const pan = 'ABCCE1234F'; // the example's ABCDE1234F, with the company type letter C in 4th place
  const aadhaar = `23456789012${verhoeffCheckDigit('23456789012')}`;

  it('register: the example as IVR Solutions publishes it (its promo defined); a missing field names it', async () => {
    const body = { ...example('register'), email: `ops-${unique()}@acme.com`, mobile: mobile() };
    const bad = await send('POST', 'register', { body: { ...body, name: undefined } });
    expectError(bad, 400, /^name is required\.$/);
    const answer = await send('POST', 'register', { body });
    const data = expectOk(answer, 'register');
    expect(answer.json.message).toBe('OTP sent to email and mobile');
    expect(data).toMatchObject({ request_id: expect.stringMatching(/^reg_/), status: 'pending', promo: 'WELCOME10', mobile: `+91${body.mobile}`, next_step: 'verify_otp', client_id: null });
    expect(data.temp_client_id).toBe(data.request_id);
    state.id = data.request_id as string;
    // The same e-mail again: Switchboard has more to say, so the answer carries its code.
    expectError(await send('POST', 'register', { body: { ...body, mobile: mobile() } }), 409, /^A registration with this e-mail address is already in progress\.$/, 'conflict');
  });

  it('resend_otp: a type it does not know is refused by name; within the cool-down 429 with Retry-After; then it sends', async () => {
    expectError(await send('POST', 'resend_otp', { body: { ...example('resend_otp'), request_id: state.id, type: 'fax' } }), 400, /^type: /);
    const early = await send('POST', 'resend_otp', { body: { ...example('resend_otp'), request_id: state.id } });
    expectError(early, 429, /code can be sent in \d+ seconds/, 'rate_limited');
    expect(Number(early.headers.get('retry-after'))).toBeGreaterThan(0);
    await getDb().update(otpCodes).set({ sentAt: new Date(Date.now() - 120_000) }).where(eq(otpCodes.registrationId, state.id!));
    const answer = await send('POST', 'resend_otp', { body: { ...example('resend_otp'), request_id: state.id } });
    expectOk(answer, 'resend_otp');
    expect(answer.json.message).toBe('OTP sent again to email and mobile');
  });

  it('verify_otp: codes of the wrong type are refused by name; the sandbox codes verify, sent as JSON numbers', async () => {
    expectError(await send('POST', 'verify_otp', { body: { ...example('verify_otp'), request_id: state.id, mobileotp: { code: 1 } } }), 400, /^mobileotp must be text\.$/);
    const answer = await send('POST', 'verify_otp', { body: { ...example('verify_otp'), request_id: state.id, mobileotp: 123456, emailotp: 123456 } });
    expect(expectOk(answer, 'verify_otp')).toMatchObject({ email_verified: true, mobile_verified: true, next_step: 'verify_pan' });
  });

  it('verify_pan: the example’s PAN (type letter D) is refused for a company, naming pan; a company PAN verifies, sent as a form', async () => {
    expectError(await send('POST', 'verify_pan', { body: { ...example('verify_pan'), temp_client_id: state.id } }), 400, /^pan: /);
    const answer = await send('POST', 'verify_pan', { form: { ...(example('verify_pan') as Record<string, string>), temp_client_id: state.id!, pan } });
    expect(expectOk(answer, 'verify_pan')).toMatchObject({ btype: 'company', pan: 'ABXXXXXX4F', pan_status: 'verified', next_step: 'aadhar_otp' });
    expect(answer.json.message).toBe('PAN verified');
  });

  it('aadhar_otp: the example’s number (starting with 1) is refused without repeating it; a valid one sends, with ref', async () => {
    const bad = await send('POST', 'aadhar_otp', { body: { ...example('aadhar_otp'), temp_client_id: state.id } });
    expectError(bad, 400, /^aadhar_num: /);
    expect(JSON.stringify(bad.json)).not.toContain('123412341234');
    const answer = await send('POST', 'aadhar_otp', { body: { ...example('aadhar_otp'), temp_client_id: state.id, aadhar_num: aadhaar } });
    const data = expectOk(answer, 'aadhar_otp');
    expect(data).toMatchObject({ aadhar_num: `XXXX XXXX ${aadhaar.slice(-4)}`, aadhar_status: 'otp_sent', ref: expect.stringMatching(/^simref_/), next_step: 'aadhar_verify' });
    expect(JSON.stringify(answer.json)).not.toContain(aadhaar);
    state.ref = data.ref as string;
  });

  it('aadhar_verify: the example’s ref is not the one sent, and the error names ref (not the domain’s reference); the right one verifies', async () => {
    expectError(await send('POST', 'aadhar_verify', { body: { ...example('aadhar_verify'), temp_client_id: state.id } }), 400, /^ref: This reference does not belong/);
    const answer = await send('POST', 'aadhar_verify', { body: { ...example('aadhar_verify'), temp_client_id: state.id, ref: state.ref } });
    expect(expectOk(answer, 'aadhar_verify')).toMatchObject({ aadhar_status: 'verified', next_step: 'verify_gst' });
  });

  it('verify_gst: the example’s GSTIN holds another PAN and is refused naming gst_num; one around the verified PAN verifies', async () => {
    expectError(await send('POST', 'verify_gst', { body: { ...example('verify_gst'), temp_client_id: state.id } }), 400, /^gst_num: /);
    const gstin = `29${pan}1Z${gstinCheckCharacter(`29${pan}1Z`)}`;
    const answer = await send('POST', 'verify_gst', { body: { ...example('verify_gst'), temp_client_id: state.id, gst_num: gstin } });
    expect(expectOk(answer, 'verify_gst')).toMatchObject({ gst_status: 'verified', gst_num: expect.stringMatching(/^29ABX{6}/), next_step: 'accept_kyc' });
  });

  it('skip_gst: without temp_client_id it names the field; after a verified GSTIN it is a 409 with its code', async () => {
    expectError(await send('POST', 'skip_gst', { body: {} }), 400, /^temp_client_id is required\.$/);
    expectError(await send('POST', 'skip_gst', { body: { ...example('skip_gst'), temp_client_id: state.id } }), 409, /already verified/, 'conflict');
  });

  it('preview_kyc: an id of another shape is refused; an unknown one is 404; the registration shows masked', async () => {
    expectError(await send('POST', 'preview_kyc', { body: { temp_client_id: ['reg'] } }), 400, /^temp_client_id must be text\.$/);
    expectError(await send('POST', 'preview_kyc', { body: example('preview_kyc') }), 404, /^Registration was not found\.$/);
    const answer = await send('POST', 'preview_kyc', { body: { ...example('preview_kyc'), temp_client_id: state.id } });
    const data = expectOk(answer, 'preview_kyc');
    expect(data).toMatchObject({ pan: 'ABXXXXXX4F', aadhar_num: `XXXX XXXX ${aadhaar.slice(-4)}`, gst_status: 'verified', next_step: 'accept_kyc' });
    expect(JSON.stringify(data)).not.toContain(aadhaar);
    expect(JSON.stringify(data)).not.toContain(pan);
  });

  it('accept_kyc: the example’s truncated signature is refused naming signature; a PNG creates the active client', async () => {
    expectError(await send('POST', 'accept_kyc', { body: { ...example('accept_kyc'), temp_client_id: state.id } }), 400, /^signature: /);
    const answer = await send('POST', 'accept_kyc', { body: { ...example('accept_kyc'), temp_client_id: state.id, signature } });
    const data = expectOk(answer, 'accept_kyc');
    expect(data).toMatchObject({ status: 'completed', client_id: expect.stringMatching(/^cli_/), next_step: null });
    state.clientId = data.client_id as string;
  });

  it('clients: every client with client_id and status "1"; without a key 401', async () => {
    expectError(await send('GET', 'clients', { key: null }), 401, /Bearer/);
    const answer = await send('GET', 'clients');
    const data = expectOk(answer, 'clients') as unknown as Record<string, unknown>[];
    expect(data).toEqual(expect.arrayContaining([expect.objectContaining({ client_id: state.clientId, status: '1', state: 'active' })]));
  });

  it('client/{client_id}: the client; the example’s client_id is nobody’s, 404', async () => {
    expectError(await send('GET', 'client/CLIENTAPIKEY12345'), 404, /^Client was not found\.$/);
    expect(expectOk(await send('GET', `client/${state.clientId}`), 'client/{client_id}')).toMatchObject({ client_id: state.clientId, status: '1' });
  });

  it('update_status: "0" deactivates and "1" activates with the recorded default reason; any other status is refused by name', async () => {
    expectError(await send('POST', 'update_status', { body: { ...example('update_status'), client_id: state.clientId, status: 'maybe' } }), 400, /^status: Send "1"/);
    const off = await send('POST', 'update_status', { body: { ...example('update_status'), client_id: state.clientId, status: '0' } });
    expect(expectOk(off, 'update_status')).toMatchObject({ client_id: state.clientId, status: '0', state: 'inactive' });
    expect(off.json.message).toBe('Client deactivated');
    const on = await send('POST', 'update_status', { body: { ...example('update_status'), client_id: state.clientId } });
    expect(expectOk(on, 'update_status')).toMatchObject({ status: '1', state: 'active' });
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.targetId, state.clientId!));
    expect(audit.filter((entry) => /^client\.(de)?activated$/.test(entry.action)).map((entry) => (entry.after as { reason: string }).reason)).toEqual([defaultStatusReason, defaultStatusReason]);
  });

  it('pending: registrations still onboarding, not the accepted one; a wrong method is 405 with Allow', async () => {
    const other = expectOk(await send('POST', 'register', { body: { ...example('register'), email: `pending-${unique()}@acme.com`, mobile: mobile() } }), 'register');
    const answer = await send('GET', 'pending');
    const ids = (expectOk(answer, 'pending') as unknown as { request_id: string }[]).map((r) => r.request_id);
    expect(ids).toContain(other.request_id);
    expect(ids).not.toContain(state.id);
    const wrong = await send('POST', 'pending', { body: {} });
    expectError(wrong, 405, /^POST is not allowed on \/partnerclients\/pending; use GET\.$/);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
});

describe('skip_gst on a registration without a GSTIN', () => {
  it('records the default reason that says where it came from', async () => {
    const id = expectOk(await send('POST', 'register', { body: { ...example('register'), email: `skip-${unique()}@acme.com`, mobile: mobile() } }), 'register').request_id as string;
    await send('POST', 'verify_otp', { body: { request_id: id, mobileotp: '123456', emailotp: '123456' } });
    await send('POST', 'verify_pan', { body: { temp_client_id: id, pan: 'ABCPE1234F', btype: 'proprietorship' } });
    const answer = await send('POST', 'skip_gst', { body: { ...example('skip_gst'), temp_client_id: id } });
    expect(expectOk(answer, 'skip_gst')).toMatchObject({ gst_status: 'skipped', gst_skip_reason: defaultGstSkipReason });
    const entries = await getDb().select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(entries.find((entry) => entry.action === 'registration.gst_skipped')).toMatchObject({ actorType: 'api_key', after: { reason: defaultGstSkipReason } });
  });
});

describe('the rest of the contract', () => {
  it('answers every endpoint not built yet with 501 naming it, with its own example body', async () => {
    for (const endpoint of ivrEndpoints.filter((e) => e.status === 'coming')) {
      const path = endpoint.path.replace('{client_id}', 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t');
      const answer = await send(endpoint.method, path, endpoint.example ? { body: endpoint.example } : {});
      expectError(answer, 501, new RegExp(`^${endpoint.method} /partnerclients/${endpoint.path.replace(/[{}]/g, '\\$&')} \\(`), 'not_implemented');
    }
  });

  it('logs each request in the partner’s request log under its /partnerclients path, with the error code', async () => {
    const answer = await send('POST', 'preview_kyc', { body: { temp_client_id: 'reg_nobody' } });
    await flushApiRequests();
    const [row] = await getDb().select().from(apiRequestLog).where(eq(apiRequestLog.requestId, answer.headers.get('x-request-id')!));
    expect(row).toMatchObject({ method: 'POST', path: '/partnerclients/preview_kyc', status: 404, errorCode: 'not_found' });
  });

  it('answers unknown paths 404 in the envelope, without asking for a key', async () => {
    for (const path of ['', 'no_such_endpoint', 'client', 'client/a/b', 'register/extra']) {
      expectError(await send('POST', path, { key: null, body: {} }), 404, /^No IVR Solutions endpoint at /);
    }
  });

  it('needs the REST operation’s scope: a key without it gets 401 with code insufficient_scope', async () => {
    const readOnly = await keyWith(partnerId, ['clients:read']);
    expectError(await send('POST', 'register', { key: readOnly, body: example('register') }), 401, /lacks the onboarding:write scope that POST \/partnerclients\/register needs/, 'insufficient_scope');
    expect((await send('GET', 'clients', { key: readOnly })).status).toBe(200);
  });

  it('refuses bodies that are neither JSON nor a form, and JSON that is not an object, without a 5xx', async () => {
    expectError(await send('POST', 'verify_otp', { raw: '<xml/>', contentType: 'application/xml' }), 400, /JSON or as a form/, 'unsupported_media_type');
    expectError(await send('POST', 'verify_otp', { raw: '{"request_id":', contentType: 'application/json' }), 400, /not valid JSON/);
    expectError(await send('POST', 'verify_otp', { raw: '[1,2]', contentType: 'application/json' }), 400, /JSON object/);
    expectError(await send('POST', 'verify_otp', { body: { request_id: 'reg\u0000x', mobileotp: '1' } }), 400, /NUL/);
    expectError(await send('POST', 'register', { body: { ...example('register'), name: 'Acme \ud800' } }), 400, /^name must not contain .*lone surrogate/);
    expectError(await send('POST', 'register', { raw: 'x'.repeat(1024 * 1024 + 1), contentType: 'application/json' }), 400, /larger than/, 'payload_too_large');
  });
});
