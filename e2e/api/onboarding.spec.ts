import { randomInt, randomUUID } from 'node:crypto';
import { verhoeffCheckDigit } from '@/lib/kyc/validators/aadhaar';
import { gstinCheckCharacter } from '@/lib/kyc/validators/gstin';
import { apiClient, call, expectNoInternals, expectProblem } from './support/http';
import { expect, test } from './support/fixtures';

/** The whole onboarding journey over REST with the typed client, in test mode, each step refusing bad input first. */

const signature = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const mobile = () => `9${String(randomInt(0, 1e9)).padStart(9, '0')}`;
const email = (label: string) => `${label}-${Date.now().toString(36)}${randomInt(0, 1e6).toString(36)}@example.test`;
const aadhaar = (first11: string) => `${first11}${verhoeffCheckDigit(first11)}`;

type Result = { error?: unknown; response: Response };

/** A refusal as every error must look: problem+json with its code, and the fields named by JSON pointers. */
async function expectRefused(result: Result, status: number, code: string, pointers: string[] = []) {
  expect(result.response.status).toBe(status);
  expect(result.response.headers.get('content-type')).toBe('application/problem+json');
  const problem = result.error as { code: string; request_id: string; errors?: { pointer: string; message: string }[] };
  expect(problem).toMatchObject({ code, status, request_id: expect.stringMatching(/^req_/) });
  expectNoInternals(JSON.stringify(problem));
  if (pointers.length) expect(problem.errors?.map((e) => e.pointer)).toEqual(expect.arrayContaining(pointers));
  return problem;
}

test('a client is onboarded over REST: register once per Idempotency-Key, OTP, PAN, Aadhaar, GST, preview, accept', async ({ world }) => {
  const api = apiClient(world.a.test);
  const prospect = { name: 'Meera Traders', email: email('meera'), mobile: mobile(), country_code: '+91', password: 'correct-horse-9' };

  await expectRefused(await api.POST('/registrations', { body: { name: '', email: 'nope', mobile: '12', password: 'short' } }), 400, 'validation_failed', ['/name', '/email', '/mobile', '/password']);

  const idempotencyKey = randomUUID();
  const first = await api.POST('/registrations', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body: prospect });
  expect(first.response.status).toBe(201);
  const replay = await api.POST('/registrations', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body: prospect });
  expect(replay.response.status).toBe(201);
  expect(replay.response.headers.get('idempotent-replayed')).toBe('true');
  expect(replay.data!.id).toBe(first.data!.id);
  const listed = await api.GET('/registrations', { params: { query: { search: prospect.email, limit: 100 } } });
  expect(listed.data!.data.map((r) => r.id)).toEqual([first.data!.id]);

  const registration_id = first.data!.id;
  const path = { path: { registration_id } };
  expect(first.data).toMatchObject({ status: 'pending', mobile: `+91${prospect.mobile}`, requirements: { next_step: 'verify_otp' } });

  // OTP: a malformed code, then a wrong one (counted), then the sandbox code.
  await expectRefused(await api.POST('/registrations/{registration_id}/verify_otp', { params: path, body: { email_otp: '12' } }), 400, 'validation_failed', ['/email_otp']);
  await expectRefused(await api.POST('/registrations/{registration_id}/verify_otp', { params: path, body: { email_otp: '000000' } }), 400, 'validation_failed', ['/email_otp']);
  // A later step before its turn is a conflict, not a silent success.
  await expectRefused(await api.POST('/registrations/{registration_id}/pan', { params: path, body: { pan: 'ABCPE1234F', business_type: 'proprietorship' } }), 409, 'conflict');
  const otp = await api.POST('/registrations/{registration_id}/verify_otp', { params: path, body: { email_otp: '123456', mobile_otp: '123456' } });
  expect(otp.data).toMatchObject({ email_verified: true, mobile_verified: true, requirements: { next_step: 'verify_pan' } });

  // PAN: the 4th character must fit the business type.
  await expectRefused(await api.POST('/registrations/{registration_id}/pan', { params: path, body: { pan: 'ABCPE1234F', business_type: 'company' } }), 400, 'validation_failed', ['/pan']);
  await expectRefused(await api.POST('/registrations/{registration_id}/pan', { params: path, body: { pan: 'NOT-A-PAN', business_type: 'proprietorship' } }), 400, 'validation_failed', ['/pan']);
  const pan = await api.POST('/registrations/{registration_id}/pan', { params: path, body: { pan: 'abcpe1234f', business_type: 'proprietorship' } });
  expect(pan.data!.kyc.pan).toMatchObject({ status: 'verified', masked: 'ABXXXXXX4F' });

  // Aadhaar: a wrong check digit, then a valid number; the OTP with a wrong code, then the sandbox code.
  const number = aadhaar(`${randomInt(2, 9)}${String(randomInt(0, 1e10)).padStart(10, '0')}`);
  const typo = `${number.slice(0, 11)}${(Number(number[11]) + 1) % 10}`;
  const refusedNumber = await expectRefused(await api.POST('/registrations/{registration_id}/aadhaar/otp', { params: path, body: { aadhaar_number: typo } }), 400, 'validation_failed', ['/aadhaar_number']);
  expect(JSON.stringify(refusedNumber)).not.toContain(typo);
  const sent = await api.POST('/registrations/{registration_id}/aadhaar/otp', { params: path, body: { aadhaar_number: number } });
  expect(sent.data!.kyc.aadhaar).toMatchObject({ status: 'otp_sent', masked: `XXXX XXXX ${number.slice(-4)}`, reference: expect.stringMatching(/^simref_/) });
  const reference = sent.data!.kyc.aadhaar.reference!;
  await expectRefused(await api.POST('/registrations/{registration_id}/aadhaar/verify', { params: path, body: { otp: '654321', reference } }), 400, 'validation_failed', ['/otp']);
  await expectRefused(await api.POST('/registrations/{registration_id}/aadhaar/verify', { params: path, body: { otp: '123456', reference: 'simref_someone_else' } }), 400, 'validation_failed', ['/reference']);
  const verified = await api.POST('/registrations/{registration_id}/aadhaar/verify', { params: path, body: { otp: '123456', reference } });
  expect(verified.data!.kyc.aadhaar.status).toBe('verified');

  // GST: a GSTIN around another PAN, a bad check character, then the right one.
  const otherPan = `27AAACR5055K1Z${gstinCheckCharacter('27AAACR5055K1Z')}`;
  await expectRefused(await api.POST('/registrations/{registration_id}/gst', { params: path, body: { gstin: otherPan } }), 400, 'validation_failed', ['/gstin']);
  const good = `27ABCPE1234F1Z${gstinCheckCharacter('27ABCPE1234F1Z')}`;
  const badCheck = `${good.slice(0, 14)}${good[14] === 'A' ? 'B' : 'A'}`;
  await expectRefused(await api.POST('/registrations/{registration_id}/gst', { params: path, body: { gstin: badCheck } }), 400, 'validation_failed', ['/gstin']);
  const gst = await api.POST('/registrations/{registration_id}/gst', { params: path, body: { gstin: good } });
  expect(gst.data!.requirements).toEqual({ currently_due: ['signature'], pending_verification: [], errors: [], next_step: 'accept' });

  // Preview: everything so far, masked; the whole Aadhaar number is nowhere in it.
  const preview = await api.GET('/registrations/{registration_id}', { params: path });
  expect(preview.data!.kyc).toMatchObject({ business_type: 'proprietorship', pan: { masked: 'ABXXXXXX4F' }, aadhaar: { masked: `XXXX XXXX ${number.slice(-4)}` }, gst: { status: 'verified', masked: expect.stringMatching(/^27ABX{6}/) } });
  expect(JSON.stringify(preview.data)).not.toContain(number);
  expect(JSON.stringify(preview.data)).not.toContain('ABCPE1234F');

  // Accept: a signature that is not a PNG, then two accepts at once, which make one client.
  await expectRefused(await api.POST('/registrations/{registration_id}/accept', { params: path, body: { signature: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=' } }), 400, 'validation_failed', ['/signature']);
  const accepts = await Promise.all([0, 1].map(() => api.POST('/registrations/{registration_id}/accept', { params: path, body: { signature } })));
  for (const accepted of accepts) expect(accepted.response.status).toBe(200);
  const clientIds = new Set(accepts.map((a) => a.data!.client_id));
  expect(clientIds.size).toBe(1);
  const [clientId] = [...clientIds];
  expect(clientId).toMatch(/^cli_/);
  const clients = await api.GET('/clients', { params: { query: { search: prospect.email, limit: 100 } } });
  expect(clients.data!.data).toMatchObject([{ id: clientId, status: 'active', email: prospect.email }]);

  // A finished registration takes no more steps.
  await expectRefused(await api.POST('/registrations/{registration_id}/pan', { params: path, body: { pan: 'ABCPE1234F', business_type: 'proprietorship' } }), 409, 'conflict');
});

test("another partner's key, or the live key of the same partner, gets 404 for a test registration and link", async ({ world }) => {
  const owner = apiClient(world.a.test);
  const registered = await owner.POST('/registrations', { body: { name: 'Private Prospect', email: email('private'), mobile: mobile(), password: 'correct-horse-9' } });
  expect(registered.response.status).toBe(201);
  const registration_id = registered.data!.id;
  const link = await owner.POST('/onboarding_links', { body: { prefill: { name: 'Linked Prospect' }, expires_in_days: 3 } });
  expect(link.response.status).toBe(201);
  const link_id = link.data!.id;

  for (const key of [world.b.test, world.b.live, world.a.live]) {
    expectProblem(await call('GET', `/registrations/${registration_id}`, { key }), 404, 'not_found');
    expectProblem(await call('POST', `/registrations/${registration_id}/verify_otp`, { key, body: { email_otp: '123456' } }), 404, 'not_found');
    expectProblem(await call('POST', `/registrations/${registration_id}/cancel`, { key, body: {} }), 404, 'not_found');
    expectProblem(await call('GET', `/onboarding_links/${link_id}`, { key }), 404, 'not_found');
    expectProblem(await call('POST', `/onboarding_links/${link_id}/revoke`, { key, body: {} }), 404, 'not_found');
  }
  // Nothing changed for the owner.
  expect((await owner.GET('/registrations/{registration_id}', { params: { path: { registration_id } } })).data).toMatchObject({ status: 'pending', email_verified: false });
  expect((await owner.GET('/onboarding_links/{link_id}', { params: { path: { link_id } } })).data).toMatchObject({ status: 'active' });
});
