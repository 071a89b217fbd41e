import { randomBytes, randomInt } from 'node:crypto';
import { call, expectProblem } from './support/http';
import { expect, test } from './support/fixtures';

/** WhatsApp Cloud API numbers over REST with a test key: the simulated Cloud API answers, as documented. */

const token = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

async function sandboxClient(key: string) {
  const registered = await call('POST', '/registrations', { key, body: { name: 'WhatsApp Client', email: `wa-${randomBytes(4).toString('hex')}@example.test`, mobile: `9${String(randomInt(0, 1e9)).padStart(9, '0')}`, password: 'correct-horse-9' } });
  expect(registered.status, registered.text).toBe(201);
  const done = await call('POST', `/registrations/${registered.json.id}/simulate_kyc`, { key, body: {} });
  expect(done.status, done.text).toBe(200);
  return done.json.client_id as string;
}

test('a number is linked after verification, its token never comes back, and its schedule is kept beside its health', async ({ world }) => {
  const key = world.a.test;
  const clientId = await sandboxClient(key);
  const phoneNumberId = `10${randomInt(1e8, 1e9)}1`;

  const expired = await call('POST', '/whatsapp/numbers', { key, body: { client_id: clientId, phone_number_id: phoneNumberId, access_token: token('EAAsim_expired_') } });
  expect(expectProblem(expired, 422, 'whatsapp_token_expired')).toMatchObject({ meta_code: 190, meta_subcode: 463, errors: [{ pointer: '/access_token', message: expect.stringContaining('expired') }] });
  const limited = await call('POST', '/whatsapp/numbers', { key, body: { client_id: clientId, phone_number_id: phoneNumberId, access_token: token('EAAsim_rate_limited_') } });
  expectProblem(limited, 503, 'whatsapp_rate_limited');
  expect(limited.headers.get('retry-after')).toBe('300');

  const secret = token('EAAsim_expiring_');
  const linked = await call('POST', '/whatsapp/numbers', { key, body: { client_id: clientId, phone_number_id: phoneNumberId, access_token: secret, display_number: '+911100000000', verified_name: 'Acme' } });
  expect(linked.status, linked.text).toBe(201);
  expect(linked.text).not.toContain(secret);
  expect(linked.json).toMatchObject({ object: 'whatsapp_number', status: 'active', display_phone_number: `+91 11 4310 ${phoneNumberId.slice(-4)}`, differs_from_sent: ['display_number', 'verified_name'], health: { quality_rating: 'GREEN' }, schedule_status: { open: true, reason: 'no_schedule' } });
  const id = linked.json.id as string;
  expect(Date.parse(linked.json.token_expires_at as string) - Date.now()).toBeLessThan(7 * 86_400_000);

  const schedule = await call('PUT', `/whatsapp/numbers/${id}/schedule`, { key, body: { timezone: 'Asia/Kolkata', weekly: { mon: [{ start: '09:00', end: '18:00' }], fri: [{ start: '22:00', end: '02:00' }] } } });
  expect(schedule.status, schedule.text).toBe(200);
  expect(schedule.json).toMatchObject({ object: 'schedule', timezone: 'Asia/Kolkata', weekly: { fri: [{ start: '22:00', end: '02:00' }], tue: [] } });
  const badHours = await call('PUT', `/whatsapp/numbers/${id}/schedule`, { key, body: { timezone: 'Asia/Kolkata', weekly: { mon: [{ start: '24:00', end: '02:00' }] } } });
  expect(expectProblem(badHours, 400, 'validation_failed').errors).toEqual([{ pointer: '/weekly/mon/0/start', message: expect.stringContaining('24:00') }]);
  const holiday = await call('POST', `/whatsapp/numbers/${id}/holidays`, { key, body: { name: 'Diwali', start_date: '2026-11-08' } });
  expect(holiday.status, holiday.text).toBe(201);
  const read = await call('GET', `/whatsapp/numbers/${id}/schedule`, { key });
  expect(read.json.holidays).toEqual([{ object: 'holiday', id: holiday.json.id, name: 'Diwali', start_date: '2026-11-08', end_date: '2026-11-08', hours: null }]);

  const listed = await call('GET', `/whatsapp/numbers?client_id=${clientId}`, { key });
  expect((listed.json.data as { id: string }[]).map((number) => number.id)).toEqual([id]);
  expect(listed.text).not.toContain(secret);
  const checked = await call('POST', `/whatsapp/numbers/${id}/check`, { key, body: {} });
  expect(checked.status, checked.text).toBe(200);
  const events = await call('GET', '/events?type=whatsapp_number.token_expiring', { key });
  expect(events.text).toContain(id);
  expect(events.text).not.toContain(secret);

  // Another partner's key finds nothing of it.
  expectProblem(await call('GET', `/whatsapp/numbers/${id}`, { key: world.b.test }), 404, 'not_found');
  expectProblem(await call('DELETE', `/whatsapp/numbers/${id}/holidays/${holiday.json.id}`, { key: world.b.test }), 404, 'not_found');

  const unlinked = await call('DELETE', `/whatsapp/numbers/${id}`, { key });
  expect(unlinked.json).toMatchObject({ status: 'unlinked' });
  expectProblem(await call('GET', `/whatsapp/numbers/${id}/schedule`, { key }), 404, 'not_found');
});
