import { call, expectProblem } from './support/http';
import { expect, test } from './support/fixtures';
import { sandboxOf, seedClients, sharedDatabase } from './support/shared-database';

test.skip(!sharedDatabase, 'needs DATABASE_URL: client rows are written beside the server');

test('a client’s billing details are saved and read back over HTTP; bad input names its field; another partner’s client is a 404', async ({ world }) => {
  const key = world.a.test;
  const [clientId] = await seedClients(await sandboxOf(world.a.id), 1);
  const empty = await call('GET', `/clients/${clientId}/billing_details`, { key });
  expect(empty.status, empty.text).toBe(200);
  expect(empty.json).toMatchObject({ object: 'billing_details', recorded: false, legal_name: null });

  const body = { legal_name: 'Sharma Traders LLP', gstin: '29AABCK5678L1ZU', address: '7 MG Road, Bengaluru', state_code: '29', pin: '560001', billing_email: 'accounts@sharma.example' };
  const saved = await call('PUT', `/clients/${clientId}/billing_details`, { key, body });
  expect(saved.status, saved.text).toBe(200);
  expect(saved.json).toMatchObject({ recorded: true, legal_name: 'Sharma Traders LLP', gstin: '29AABCK5678L1ZU', state_name: 'Karnataka', billing_email: 'accounts@sharma.example' });
  expect((await call('GET', `/clients/${clientId}/billing_details`, { key })).json).toMatchObject({ recorded: true, pin: '560001' });

  const mismatch = await call('PUT', `/clients/${clientId}/billing_details`, { key, body: { ...body, state_code: '27' } });
  expectProblem(mismatch, 400, 'validation_failed');
  expect(JSON.stringify(mismatch.json)).toContain('/state_code');

  expect((await call('GET', `/clients/${clientId}/billing_details`, { key: world.b.test })).status).toBe(404);
  expect((await call('PUT', `/clients/${clientId}/billing_details`, { key: world.b.test, body })).status).toBe(404);
});
