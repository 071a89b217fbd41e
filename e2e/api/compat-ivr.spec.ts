import { randomBytes } from 'node:crypto';
import { apiClient, ivr } from './support/http';
import { expect, test } from './support/fixtures';
import { aadhaarNumbers, gstinFor, uniqueMobile } from '../support/onboarding';

/**
 * The IVR Solutions face over HTTP, as an IVR Solutions client would use it: nothing but /partnerclients paths,
 * JSON and form bodies, on the partner's own host.
 */

const signature = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const email = (label: string) => `${label}-${Date.now().toString(36)}${randomBytes(3).toString('hex')}@example.test`;

type Answer = Awaited<ReturnType<typeof ivr>>;

function ok(answer: Answer) {
  expect(answer.status, answer.text).toBe(200);
  expect(answer.headers.get('content-type')).toBe('application/json');
  expect(answer.json).toMatchObject({ status: 200, message: expect.any(String) });
  return answer.json.data as Record<string, unknown>;
}

function refused(answer: Answer, status: number) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.json).toMatchObject({ status, message: expect.any(String) });
  expect(answer.text).not.toMatch(/\bat \S+ \(|node_modules|\.tsx?:\d+|Failed query/);
  return answer.json as { status: number; message: string; code?: string };
}

test('a client is onboarded over the IVR Solutions paths alone, on the partner’s host, and is active over /api/v1', async ({ world }) => {
  const host = `${world.a.slug}.localhost`;
  const key = world.a.test;
  const pan = 'ABCPE1234F';

  const registered = ok(await ivr('POST', 'register', { host, key, body: { name: 'Meera Traders', email: email('meera'), mobile: uniqueMobile(), password: 'SecurePass@123', country_code: '+91' } }));
  const id = registered.request_id as string;
  expect(registered).toMatchObject({ temp_client_id: id, next_step: 'verify_otp' });

  // As PHP clients send them: forms, numbers as strings.
  expect(ok(await ivr('POST', 'verify_otp', { host, key, form: { request_id: id, mobileotp: '123456', emailotp: '123456' } }))).toMatchObject({ next_step: 'verify_pan' });
  expect(ok(await ivr('POST', 'verify_pan', { host, key, form: { temp_client_id: id, pan, btype: 'proprietorship' } }))).toMatchObject({ pan_status: 'verified', next_step: 'aadhar_otp' });
  const sent = ok(await ivr('POST', 'aadhar_otp', { host, key, body: { temp_client_id: id, aadhar_num: aadhaarNumbers().valid } }));
  expect(ok(await ivr('POST', 'aadhar_verify', { host, key, body: { temp_client_id: id, otp: '123456', ref: sent.ref } }))).toMatchObject({ aadhar_status: 'verified', next_step: 'verify_gst' });
  expect(ok(await ivr('POST', 'verify_gst', { host, key, body: { temp_client_id: id, gst_num: gstinFor(pan) } }))).toMatchObject({ gst_status: 'verified', next_step: 'accept_kyc' });
  expect(ok(await ivr('POST', 'preview_kyc', { host, key, body: { temp_client_id: id } }))).toMatchObject({ pan: 'ABXXXXXX4F', next_step: 'accept_kyc' });
  expect((ok(await ivr('GET', 'pending', { host, key })) as unknown as { request_id: string }[]).map((r) => r.request_id)).toContain(id);

  const accepted = ok(await ivr('POST', 'accept_kyc', { host, key, body: { temp_client_id: id, signature } }));
  const clientId = accepted.client_id as string;
  expect(clientId).toMatch(/^cli_/);
  expect(ok(await ivr('GET', `client/${clientId}`, { host, key }))).toMatchObject({ client_id: clientId, status: '1' });
  expect((ok(await ivr('GET', 'clients', { host, key })) as unknown as { client_id: string }[]).map((c) => c.client_id)).toContain(clientId);
  expect(ok(await ivr('POST', 'update_status', { host, key, body: { client_id: clientId, status: '0' } }))).toMatchObject({ status: '0' });
  expect(ok(await ivr('POST', 'update_status', { host, key, form: { client_id: clientId, status: '1' } }))).toMatchObject({ status: '1' });

  const { data, response } = await apiClient(key).GET('/clients/{client_id}', { params: { path: { client_id: clientId } } });
  expect(response.status).toBe(200);
  expect(data).toMatchObject({ id: clientId, status: 'active', name: 'Meera Traders' });
  const audit = await apiClient(key).GET('/audit_log', { params: { query: { target_id: clientId, limit: 10 } } });
  expect(audit.data!.data.map((entry) => entry.action)).toEqual(expect.arrayContaining(['client.activated', 'client.deactivated']));
});

test('another partner’s request_id or client_id, or the live twin’s, is a 404 in the envelope', async ({ world }) => {
  const key = world.a.test;
  const id = ok(await ivr('POST', 'register', { key, body: { name: 'Private Prospect', email: email('private'), mobile: uniqueMobile(), password: 'SecurePass@123' } })).request_id as string;
  await ivr('POST', 'verify_otp', { key, body: { request_id: id, mobileotp: '123456', emailotp: '123456' } });

  for (const other of [world.b.test, world.b.live, world.a.live]) {
    expect(refused(await ivr('POST', 'preview_kyc', { key: other, body: { temp_client_id: id } }), 404).message).toBe('Registration was not found.');
    refused(await ivr('POST', 'verify_otp', { key: other, body: { request_id: id, mobileotp: '123456' } }), 404);
    refused(await ivr('POST', 'verify_pan', { key: other, body: { temp_client_id: id, pan: 'ABCPE1234F', btype: 'proprietorship' } }), 404);
    refused(await ivr('POST', 'skip_gst', { key: other, body: { temp_client_id: id } }), 404);
    refused(await ivr('POST', 'accept_kyc', { key: other, body: { temp_client_id: id, signature } }), 404);
    expect((ok(await ivr('GET', 'pending', { key: other })) as unknown as { request_id: string }[]).map((r) => r.request_id)).not.toContain(id);
  }
  // Nothing moved for the owner.
  expect(ok(await ivr('POST', 'preview_kyc', { key, body: { temp_client_id: id } }))).toMatchObject({ pan_status: 'unverified', next_step: 'verify_pan' });
});

const available: [method: string, path: string][] = [
  ['POST', 'register'],
  ['POST', 'verify_otp'],
  ['POST', 'resend_otp'],
  ['POST', 'verify_pan'],
  ['POST', 'aadhar_otp'],
  ['POST', 'aadhar_verify'],
  ['POST', 'verify_gst'],
  ['POST', 'skip_gst'],
  ['POST', 'preview_kyc'],
  ['POST', 'accept_kyc'],
  ['GET', 'clients'],
  ['GET', 'client/cli_01kaz3d4mqf2v8n6w0c1e5rj7t'],
  ['POST', 'update_status'],
  ['GET', 'pending'],
];

const fieldNames = ['name', 'email', 'mobile', 'password', 'country_code', 'promo', 'request_id', 'temp_client_id', 'mobileotp', 'emailotp', 'type', 'pan', 'btype', 'aadhar_num', 'otp', 'ref', 'gst_num', 'signature', 'client_id', 'status', 'reason'];
const everyField = (value: unknown) => Object.fromEntries(fieldNames.map((name) => [name, value]));

test('junk, NUL bytes, odd types and huge bodies never get a 5xx on any endpoint', async ({ world }) => {
  test.setTimeout(120_000);
  const key = world.a.test;
  const nested = JSON.stringify(JSON.parse(`${'{"a":'.repeat(500)}1${'}'.repeat(500)}`));
  const bodies: Parameters<typeof ivr>[2][] = [
    { rawBody: 'not json at all', headers: { 'content-type': 'application/json' } },
    { rawBody: randomBytes(2048) },
    { rawBody: randomBytes(512), headers: { 'content-type': 'multipart/form-data; boundary=x' } },
    { rawBody: '%%%=&&=%ZZ', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    { rawBody: 'null', headers: { 'content-type': 'application/json' } },
    { rawBody: '"text"', headers: { 'content-type': 'application/json' } },
    { rawBody: nested, headers: { 'content-type': 'application/json' } },
    { body: everyField('\u0000') },
    { body: everyField('reg_\u0000\u0000') },
    { form: everyField('a\u0000b') as Record<string, string> },
    { body: everyField({ $ne: 1 }) },
    { body: everyField([1, 2]) },
    { body: everyField(1e308) },
    { body: everyField(true) },
    { body: everyField('x'.repeat(5000)) },
    { body: everyField('\ud800') },
    // Just over the 1 MiB limit (much more, and the server's refusal resets the connection while we still write).
    { rawBody: JSON.stringify({ ...everyField('z'), signature: 'y'.repeat(1024 * 1024) }), headers: { 'content-type': 'application/json' } },
    { rawBody: `signature=${'y'.repeat(1024 * 1024)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  ];
  for (const [method, path] of available) {
    for (const options of method === 'GET' ? [{}] : bodies) {
      const answer = await ivr(method, path, { key, ...options });
      expect(answer.status, `${method} ${path}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
      expect(answer.json).toMatchObject({ status: answer.status, message: expect.any(String) });
    }
  }
  // A broken percent-escape never reaches a route (the request gate answers it), but must not be a 500 either.
  for (const path of ['client/%00', 'client/%E0%A4%A', 'client/%E0%A4%A4', `client/${'z'.repeat(3000)}`]) {
    const answer = await ivr('GET', path, { key });
    expect(answer.status, `GET ${path}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  }
});
