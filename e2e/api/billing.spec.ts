import { randomUUID } from 'node:crypto';
import { call, expectProblem } from './support/http';
import { expect, test } from './support/fixtures';
import { sandboxOf, seedClients, sharedDatabase } from './support/shared-database';

// Clients come from onboarding, not the API: their rows are written beside the server.
test.skip(!sharedDatabase, 'needs DATABASE_URL: client rows are written beside the server');

type Line = { type: string; amount: number; number: string | null; charge_id: string };
const lines = async (key: string, clientId: string, query = '') => (await call('GET', `/clients/${clientId}/wallet/transactions?limit=100${query}`, { key })).json.data as Line[];

test('a sandbox’s money over HTTP: top-up, client credits, a charge, statement filters, a refund, balances', async ({ world }) => {
  const key = world.a.test;
  const [clientId] = await seedClients(await sandboxOf(world.a.id), 1);
  const topUp = await call('POST', '/billing/simulate_top_up', { key, body: { amount: 1_000_000 } });
  expect(topUp.status, topUp.text).toBe(200);
  const before = (topUp.json as { balance: number }).balance;

  const credits = { key, body: { amount: 50_000 }, headers: { 'Idempotency-Key': randomUUID() } };
  const credited = await call('POST', `/clients/${clientId}/wallet/credits`, credits);
  expect(credited.status, credited.text).toBe(200);
  expect(credited.json).toMatchObject({ object: 'wallet', client_id: clientId, balance: 50_000, available: 50_000 });
  // A retry with the same key credits once.
  expect((await call('POST', `/clients/${clientId}/wallet/credits`, credits)).json).toMatchObject({ balance: 50_000 });

  // Outbound minutes at the list price, 90 paise: 100 of them are ₹90.00.
  const charged = await call('POST', `/clients/${clientId}/simulate_charge`, { key, body: { product: 'call_minute_outbound', quantity: 100, number: '+911143104501' } });
  expect(charged.status, charged.text).toBe(200);
  const charge = charged.json as { id: string; retail: number; wholesale: number; commission: number; wallet_balance: number };
  expect(charge).toMatchObject({ object: 'charge', retail: 9_000, wallet_balance: 41_000 });
  expect(charge.commission).toBe(charge.retail - charge.wholesale);
  expect((await call('GET', '/billing/balance', { key })).json).toMatchObject({ prepaid: expect.objectContaining({ balance: before - charge.wholesale }) });

  expect((await lines(key, clientId!)).map((l) => [l.type, l.amount])).toEqual([['charge', -9_000], ['top_up', 50_000]]);
  expect((await lines(key, clientId!, '&type=charge')).map((l) => l.charge_id)).toEqual([charge.id]);
  expect((await lines(key, clientId!, '&number=%2B911143104501')).map((l) => l.number)).toEqual(['+911143104501']);
  expect(await lines(key, clientId!, '&to=2020-01-01T00:00:00Z')).toEqual([]);

  const refunded = await call('POST', `/charges/${charge.id}/refund`, { key, body: { reason: 'Minutes billed twice' } });
  expect(refunded.status, refunded.text).toBe(200);
  expect(refunded.json).toMatchObject({ object: 'refund', charge_id: charge.id, retail: 9_000, wholesale: charge.wholesale, commission: charge.commission });
  expectProblem(await call('POST', `/charges/${charge.id}/refund`, { key, body: { reason: 'Again' } }), 409, 'already_refunded');
  expect((await call('GET', `/clients/${clientId}/wallet`, { key })).json).toMatchObject({ balance: 50_000 });
  expect((await call('GET', '/billing/balance', { key })).json).toMatchObject({ prepaid: expect.objectContaining({ balance: before }) });
  expect((await lines(key, clientId!, '&type=refund')).map((l) => l.amount)).toEqual([9_000]);
});

test('bad billing input is problem+json naming the field', async ({ world }) => {
  const [clientId] = await seedClients(world.a.id, 1);
  const negative = expectProblem(await call('POST', `/clients/${clientId}/wallet/credits`, { key: world.a.live, body: { amount: -5 } }), 400, 'validation_failed');
  expect(negative.errors).toEqual([{ pointer: '/amount', message: 'This must be more than 0.' }]);
  expect((await call('GET', `/clients/${clientId}/wallet`, { key: world.a.live })).json).toMatchObject({ balance: 0 });
});

test('billing scopes: billing:read reads the wallet, only billing:write changes it', async ({ world, operator }) => {
  const [clientId] = await seedClients(world.a.id, 1);
  const readOnly = await operator.createApiKey(world.a.id, { name: 'Billing reader', mode: 'live', scopes: ['billing:read'] });
  expect((await call('GET', `/clients/${clientId}/wallet`, { key: readOnly })).status).toBe(200);
  expectProblem(await call('POST', `/clients/${clientId}/wallet/credits`, { key: readOnly, body: { amount: 100 } }), 403, 'insufficient_scope');
  const noBilling = await operator.createApiKey(world.a.id, { name: 'Clients reader', mode: 'live', scopes: ['clients:read'] });
  expectProblem(await call('GET', '/billing/balance', { key: noBilling }), 403, 'insufficient_scope');
});

test('another partner’s client wallet is a 404, for reads and writes alike', async ({ world }) => {
  const [clientId] = await seedClients(world.a.id, 1);
  expectProblem(await call('GET', `/clients/${clientId}/wallet`, { key: world.b.live }), 404, 'not_found');
  expectProblem(await call('GET', `/clients/${clientId}/wallet/transactions`, { key: world.b.live }), 404, 'not_found');
  expectProblem(await call('POST', `/clients/${clientId}/wallet/credits`, { key: world.b.live, body: { amount: 100 } }), 404, 'not_found');
  expect((await call('GET', `/clients/${clientId}/wallet`, { key: world.a.live })).json).toMatchObject({ balance: 0 });
});
