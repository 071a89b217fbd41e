import { randomBytes } from 'node:crypto';
import { sendTo } from './support/http';
import { expect, test } from './support/fixtures';

/**
 * The Flowmatix face over HTTP, as a Flowmatix client would use it: Bearer key plus X-Partner-ID, JSON, on the
 * partner's own host under /compat/flowmatix/api/v1/partners.
 */

const flowmatix = (host: string, method: string, endpoint: string, options: Parameters<typeof sendTo>[3] = {}) => sendTo(host, method, `/compat/flowmatix/api/v1/partners/${endpoint}`, options);

test('a customer is created and listed over the Flowmatix paths on the partner’s host, with X-Partner-ID checked', async ({ world }) => {
  const host = `${world.a.slug}.localhost`;
  const key = world.a.test;
  const headers = { 'x-partner-id': world.a.id };
  const email = `acme-${randomBytes(4).toString('hex')}@example.test`;

  const created = await flowmatix(host, 'POST', 'customers', { key, headers, body: { company_name: 'Acme Corporation', contact_email: email, contact_name: 'John Smith', phone: '+919876543210', billing_cycle: 'monthly' } });
  expect(created.status, created.text).toBe(201);
  expect(created.json).toMatchObject({ success: true, data: { customer_id: expect.stringMatching(/^cli_/), status: 'pending', onboarding_url: expect.stringContaining(`${world.a.slug}.localhost`) } });

  const listed = await flowmatix(host, 'GET', 'customers?limit=5&offset=0', { key, headers });
  expect(listed.status, listed.text).toBe(200);
  expect(listed.json).toMatchObject({ success: true, data: expect.any(Array), meta: { limit: 5, offset: 0 } });

  const missing = await flowmatix(host, 'GET', 'customers', { key });
  expect(missing.status).toBe(401);
  expect(missing.json).toMatchObject({ success: false, error: { code: 'partner_id_required' } });
  const other = await flowmatix(host, 'GET', 'customers', { key, headers: { 'x-partner-id': world.b.id } });
  expect(other.status).toBe(403);
  expect(other.json).toMatchObject({ success: false, error: { code: 'partner_mismatch' } });
  const foreignKey = await flowmatix(host, 'GET', 'customers', { key: world.b.test, headers: { 'x-partner-id': world.b.id } });
  expect(foreignKey.status).toBe(401);
  expect(foreignKey.json).toMatchObject({ success: false, error: { code: 'host_mismatch' } });

  const branding = await flowmatix(host, 'POST', 'customers/cli_00000000000000000000000000/branding', { key, headers, body: { primary_color: '#007bff' } });
  expect(branding.status).toBe(404);
});

test('the migration guide is served on the partner’s host', async ({ world }) => {
  const page = await sendTo(`${world.a.slug}.localhost`, 'GET', '/docs/api/migrating-from-flowmatix');
  expect(page.status).toBe(200);
  expect(page.text).toContain('Migrating from Flowmatix');
  expect(page.text).toContain('/compat/flowmatix/api/v1/partners/customers/{customer_id}/branding');
});
