import { wavFile } from '../../test/audio';
import { call, expectProblem } from './support/http';
import { expect, test } from './support/fixtures';
import { sandboxOf, seedClients, sharedDatabase } from './support/shared-database';

test.skip(!sharedDatabase, 'needs DATABASE_URL: client rows are written beside the server');

test('a client’s usage and the partner’s metrics over HTTP equal what was done; another partner’s client is a 404', async ({ world }) => {
  const key = world.a.test;
  const [clientId] = await seedClients(await sandboxOf(world.a.id), 1);
  const audio = wavFile(1);
  const uploaded = await call('POST', `/clients/${clientId}/recordings`, { key, body: { name: 'Welcome', content_base64: audio.toString('base64') } });
  expect(uploaded.status, uploaded.text).toBe(201);
  expect((await call('POST', '/billing/simulate_top_up', { key, body: { amount: 1_000_000 } })).status).toBe(200);
  expect((await call('POST', `/clients/${clientId}/wallet/credits`, { key, body: { amount: 50_000 } })).status).toBe(200);
  const charged = await call('POST', `/clients/${clientId}/simulate_charge`, { key, body: { product: 'call_minute_outbound', quantity: 100 } });
  expect(charged.status, charged.text).toBe(200);
  const charge = charged.json as { retail: number; wholesale: number; commission: number };

  // Four requests named the client (upload, credits, charge, and the usage read below); the log is written within a second.
  await expect
    .poll(async () => {
      const usage = await call('GET', `/clients/${clientId}/usage`, { key });
      expect(usage.status, usage.text).toBe(200);
      return usage.json as { totals: { storage_bytes: number; api_requests: number } };
    }, { timeout: 10_000 })
    .toMatchObject({ totals: { storage_bytes: audio.length, api_requests: expect.any(Number) } });
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date()).slice(0, 7);
  await expect.poll(async () => ((await call('GET', `/clients/${clientId}/usage?month=${month}`, { key })).json as { totals: { api_requests: number } }).totals.api_requests, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);

  const metrics = await call('GET', `/metrics?month=${month}`, { key });
  expect(metrics.status, metrics.text).toBe(200);
  expect(metrics.json).toMatchObject({ object: 'metrics', money: { charges: 1, retail: charge.retail, wholesale: charge.wholesale, commission: charge.commission } });
  // This client is active; the shared sandbox may hold others that earlier tests made active.
  expect((metrics.json as { clients: { active: number } }).clients.active).toBeGreaterThanOrEqual(1);

  expectProblem(await call('GET', `/clients/${clientId}/usage`, { key: world.b.test }), 404, 'not_found');
  const bad = await call('GET', `/clients/${clientId}/usage?month=2026-13`, { key });
  expectProblem(bad, 400, 'validation_failed');
  expect(bad.json.errors?.[0]?.pointer).toMatch(/month/);
});
