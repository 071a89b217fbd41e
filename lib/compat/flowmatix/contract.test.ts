import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { webhookEndpoints } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/manage-api-keys';
import { allScopes, type Scope } from '@/lib/api-keys/scopes';
import { seedClient } from '@/lib/clients/seed-client';
import { savePlan } from '@/lib/workspaces/catalogue';
import { setOffer } from '@/lib/workspaces/offers';
import { ensureStandardCatalogue } from '@/lib/workspaces/standard-catalogue';
import { systemCtx } from '@/lib/audit/context';
import { makePartner, systemFor, unique, uniqueEmail } from '@/test/factories';
import { flowmatixEndpoints } from './endpoints';
import { flowmatixRouteHandlers } from './route';
import { flowmatixWebhookBody } from './webhook-payload';

/**
 * A contract test per endpoint over the route handler as Next calls it: Flowmatix's own example bodies where its
 * reference gives one, one bad input each, a foreign customer answered 404, X-Partner-ID checked, and junk never
 * answered 5xx.
 */

type Answer = { status: number; headers: Headers; json: { success: boolean; data?: unknown; meta?: Record<string, unknown>; error?: { code: string; message: string; fields?: Record<string, string> } } };

let partnerId: string;
let key: string;
let clientId: string;
let foreignClientId: string;

const example = (path: string) => structuredClone(flowmatixEndpoints.find((e) => e.path === path && e.example)!.example!);

async function send(method: string, path: string, options: { body?: unknown; raw?: string; key?: string | null; partner?: string | null; contentType?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  const token = options.key === undefined ? key : options.key;
  if (token) headers.authorization = `Bearer ${token}`;
  const partner = options.partner === undefined ? partnerId : options.partner;
  if (partner) headers['x-partner-id'] = partner;
  let body: string | undefined;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (options.raw !== undefined) body = options.raw;
  if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const handler = flowmatixRouteHandlers[method as keyof typeof flowmatixRouteHandlers];
  const response = await handler(new Request(`http://localhost/compat/flowmatix/api/v1/partners/${path}`, { method, headers, body }));
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
}

function expectOk(answer: Answer, status = 200) {
  expect(answer.status, JSON.stringify(answer.json)).toBe(status);
  expect(answer.headers.get('content-type')).toBe('application/json');
  expect(answer.json.success).toBe(true);
  return answer.json.data as Record<string, unknown>;
}

function expectError(answer: Answer, status: number, code: string, field?: string) {
  expect(answer.status, JSON.stringify(answer.json)).toBe(status);
  expect(answer.json).toMatchObject({ success: false, error: { code, message: expect.any(String) } });
  if (field) expect(Object.keys(answer.json.error!.fields ?? {})).toContain(field);
}

async function keyWith(owner: string, scopes: readonly Scope[], mode: 'live' | 'test' = 'live') {
  return (await createApiKey(systemFor(owner), { name: `Flowmatix ${unique()}`, mode, scopes: [...scopes] })).secret;
}

beforeAll(async () => {
  const catalogue = await ensureStandardCatalogue(getDb());
  // Flowmatix's example asks for the "professional" plan: the operator defines one under that code here.
  const professional = await savePlan(systemCtx, { code: 'professional', name: 'Professional', limits: { bot_users: 10_000, members: 5, bots: 5 }, rank: 5, monthlyList: '0', yearlyList: '0' }).catch(async () => (await ensureStandardCatalogue(getDb())).pro);
  partnerId = (await makePartner('fmx')).id;
  const ctx = systemFor(partnerId);
  for (const item of [catalogue.free, professional]) await setOffer(ctx, { itemId: item.id, offered: true });
  key = await keyWith(partnerId, allScopes);
  clientId = (await seedClient(ctx, { name: 'Acme Corporation', email: uniqueEmail('fmx'), status: 'active' })).id;
  const other = (await makePartner('fmxother')).id;
  foreignClientId = (await seedClient(systemFor(other), { name: 'Other Co', email: uniqueEmail('fmxo'), status: 'active' })).id;
});

describe('the Flowmatix mapping table', () => {
  it('has the fifteen endpoints of its reference in its order, and the webhook subscription', () => {
    expect(flowmatixEndpoints.map((e) => `${e.method} ${e.path}`)).toEqual([
      'POST customers', 'GET customers', 'GET customers/{customer_id}', 'PUT customers/{customer_id}',
      'GET commissions', 'GET invoices/{invoice_id}',
      'GET customers/{customer_id}/usage', 'GET metrics',
      'POST customers/{customer_id}/branding', 'PUT customers/{customer_id}/email-templates',
      'POST sandbox', 'POST customers/{customer_id}/deploy',
      'POST support/tickets', 'GET support/tickets/{ticket_id}',
      'POST webhooks',
    ]);
  });
});

describe('conventions', () => {
  it('needs X-Partner-ID, and refuses one naming another partner', async () => {
    expectError(await send('GET', 'customers', { partner: null }), 401, 'partner_id_required');
    expectError(await send('GET', 'customers', { partner: 'ptn_someoneelse' }), 403, 'partner_mismatch');
    expectError(await send('GET', 'customers', { key: null }), 401, 'unauthenticated');
  });

  it('answers unknown paths and methods in its envelope', async () => {
    expectError(await send('GET', 'nothing-here'), 404, 'route_not_found');
    const wrong = await send('DELETE', 'customers');
    expectError(wrong, 405, 'method_not_allowed');
    expect(wrong.headers.get('allow')).toBe('GET, HEAD, OPTIONS, POST');
  });

  it('never answers junk with a 5xx', async () => {
    const junk = ['{', '[]', 'null', '"x"', '{"company_name": {"$gt": ""}}', '\u0000', JSON.stringify({ limit: 'NaN' })];
    for (const endpoint of flowmatixEndpoints) {
      const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name) => (name === 'customer_id' ? clientId : 'x%ZZ'));
      for (const raw of junk) {
        const answer = await send(endpoint.method, endpoint.method === 'GET' ? `${path}?limit=${encodeURIComponent(raw)}&start_date=${encodeURIComponent(raw)}` : path, endpoint.method === 'GET' ? {} : { raw });
        expect(answer.status, `${endpoint.method} ${endpoint.path} ${raw}: ${JSON.stringify(answer.json)}`).toBeLessThan(500);
      }
    }
  }, 60_000);
});

describe('customers', () => {
  it('creates a pending customer on its plan from the example body, e-mails its onboarding link, and refuses a bad e-mail or a second one', async () => {
    const contactEmail = uniqueEmail('acme');
    const created = expectOk(await send('POST', 'customers', { body: { ...example('customers'), contact_email: contactEmail } }), 201);
    expect(created).toMatchObject({ customer_id: expect.stringMatching(/^cli_/), status: 'pending', plan: 'professional', workspace_id: expect.stringMatching(/^ws/), onboarding_id: expect.stringMatching(/^lnk_/), onboarding_url: expect.stringContaining('/onboard/') });
    const fetched = expectOk(await send('GET', `customers/${String(created.customer_id)}`));
    expect(fetched).toMatchObject({ customer_id: created.customer_id, status: 'pending', plan: 'professional' });
    expectError(await send('POST', 'customers', { body: { ...example('customers'), contact_email: contactEmail } }), 409, 'conflict', 'contact_email');
    expectError(await send('POST', 'customers', { body: { ...example('customers'), contact_email: 'not-an-email' } }), 400, 'validation_failed', 'contact_email');
    expectError(await send('POST', 'customers', { body: { ...example('customers'), contact_email: uniqueEmail('p'), plan: 'no-such-plan' } }), 400, 'validation_failed', 'plan');
  });

  it('lists with limit, offset, status and plan, and refuses a bad limit', async () => {
    const listed = await send('GET', 'customers?limit=5&offset=0&status=active');
    const data = expectOk(listed) as unknown as Record<string, unknown>[];
    expect(data.map((c) => c.customer_id)).toContain(clientId);
    expect(data.map((c) => c.customer_id)).not.toContain(foreignClientId);
    expect(listed.json.meta).toEqual({ limit: 5, offset: 0, has_more: false });
    const onPlan = expectOk(await send('GET', 'customers?plan=professional')) as unknown as Record<string, unknown>[];
    expect(onPlan.every((c) => c.plan === 'professional')).toBe(true);
    expect(onPlan.map((c) => c.customer_id)).not.toContain(clientId);
    expectError(await send('GET', 'customers?limit=1000'), 400, 'validation_failed', 'limit');
  });

  it('gets one with usage and billing, and a foreign one is not found', async () => {
    const customer = expectOk(await send('GET', `customers/${clientId}`));
    expect(customer).toMatchObject({ customer_id: clientId, company_name: 'Acme Corporation', status: 'active', plan: null, usage: { totals: expect.any(Object) }, billing: { object: 'wallet', balance: 0 } });
    expectError(await send('GET', `customers/${foreignClientId}`), 404, 'not_found');
  });

  it('puts a plan on it (a workspace) and changes its status; refuses a name change and a foreign id', async () => {
    const updated = expectOk(await send('PUT', `customers/${clientId}`, { body: { plan: 'free', billing_cycle: 'monthly' } }));
    expect(updated).toMatchObject({ plan: 'free', billing_cycle: 'monthly', workspace_id: expect.stringMatching(/^wsp_|^ws/) });
    expect(expectOk(await send('PUT', `customers/${clientId}`, { body: { status: 'inactive' } }))).toMatchObject({ status: 'inactive' });
    expect(expectOk(await send('PUT', `customers/${clientId}`, { body: { status: 'active' } }))).toMatchObject({ status: 'active' });
    expectError(await send('PUT', `customers/${clientId}`, { body: { company_name: 'New Name' } }), 400, 'validation_failed', 'company_name');
    expect(expectOk(await send('PUT', `customers/${clientId}`, { body: { company_name: 'Acme Corporation', status: 'active' } }))).toMatchObject({ company_name: 'Acme Corporation' });
    expectError(await send('PUT', `customers/${foreignClientId}`, { body: { status: 'inactive' } }), 404, 'not_found');
  });
});

describe('billing, usage and metrics', () => {
  it('reports commissions over a range, for one customer, and refuses a bad date and a foreign customer', async () => {
    expect(expectOk(await send('GET', `commissions?start_date=2026-11-01&end_date=2026-11-30&customer_id=${clientId}`))).toMatchObject({ object: 'commission_report', customer_id: clientId, total_commission: 0 });
    expect(expectOk(await send('GET', 'commissions'))).toMatchObject({ object: 'commission_report' });
    expectError(await send('GET', 'commissions?start_date=11/01/2026'), 400, 'validation_failed', 'start_date');
    expectError(await send('GET', `commissions?customer_id=${foreignClientId}`), 404, 'not_found');
  });

  it('answers an unknown invoice 404 and a bad id 400', async () => {
    expectError(await send('GET', 'invoices/inv_00000000000000000000000000'), 404, 'not_found');
    expectError(await send('GET', `invoices/${'x'.repeat(80)}`), 400, 'validation_failed', 'invoice_id');
  });

  it('gives a customer’s usage and the partner’s metrics', async () => {
    expect(expectOk(await send('GET', `customers/${clientId}/usage?month=2026-11`))).toMatchObject({ object: 'client_usage', client_id: clientId });
    expectError(await send('GET', `customers/${clientId}/usage?start_date=yesterday`), 400, 'validation_failed', 'start_date');
    expectError(await send('GET', `customers/${foreignClientId}/usage`), 404, 'not_found');
    const metrics = expectOk(await send('GET', 'metrics'));
    expect(metrics).toMatchObject({ support: expect.any(Object) });
    expectError(await send('GET', 'metrics?end_date=2026-13-45'), 400, 'validation_failed');
  });
});

describe('white-label', () => {
  it('refuses per-customer branding and e-mail templates with a stable code, after finding the customer', async () => {
    expectError(await send('POST', `customers/${clientId}/branding`, { body: example('customers/{customer_id}/branding') }), 422, 'branded_per_partner');
    expectError(await send('PUT', `customers/${clientId}/email-templates`, { body: { subject: 'Hi' } }), 422, 'branded_per_partner');
    expectError(await send('POST', `customers/${foreignClientId}/branding`, { body: example('customers/{customer_id}/branding') }), 404, 'not_found');
  });
});

describe('provisioning', () => {
  it('deploys only a named template to one of the partner’s customers', async () => {
    expectError(await send('POST', `customers/${clientId}/deploy`, { body: {} }), 400, 'validation_failed', 'template_id');
    expectError(await send('POST', `customers/${clientId}/deploy`, { body: { template_id: 'tpl_00000000000000000000000000' } }), 404, 'not_found');
    expectError(await send('POST', `customers/${foreignClientId}/deploy`, { body: { template_id: 'tpl_00000000000000000000000000' } }), 404, 'not_found');
  });

  it('fills the sandbox, and refuses a key without the scope', async () => {
    const reset = expectOk(await send('POST', 'sandbox', { body: {} }), 201);
    expect(reset).toMatchObject({ object: 'sandbox_reset', sandbox_id: expect.stringMatching(/^ptn_/) });
    expectError(await send('POST', 'sandbox', { key: await keyWith(partnerId, ['clients:read']) }), 403, 'insufficient_scope');
  }, 60_000);
});

describe('support', () => {
  it('opens a ticket from the example body and reads its status; a foreign customer and a missing subject are refused', async () => {
    expectError(await send('POST', 'support/tickets', { body: example('support/tickets') }), 404, 'not_found');
    const ticket = expectOk(await send('POST', 'support/tickets', { body: { ...example('support/tickets'), customer_id: clientId } }), 201);
    expect(ticket).toMatchObject({ priority: 'high', category: 'technical', subject: 'Integration Issue' });
    expect(expectOk(await send('GET', `support/tickets/${ticket.id}`))).toMatchObject({ id: ticket.id, status: expect.any(String) });
    expectError(await send('POST', 'support/tickets', { body: { ...example('support/tickets'), customer_id: foreignClientId } }), 404, 'not_found');
    expectError(await send('POST', 'support/tickets', { body: { description: 'no subject' } }), 400, 'validation_failed', 'subject');
  });
});

describe('webhooks', () => {
  it('subscribes with Flowmatix’s event names, in its payload format, and refuses an unknown event', async () => {
    const testKey = await keyWith(partnerId, allScopes, 'test');
    const created = expectOk(await send('POST', 'webhooks', { key: testKey, body: { url: 'https://93.184.215.14/hook', events: ['customer.created', 'commission.earned'] } }), 201);
    expect(created).toMatchObject({ events: ['customer.created', 'commission.earned'], event_types: ['client.created', 'commission.earned'], payload_format: 'flowmatix', secret: expect.any(String) });
    const [row] = await getDb().select().from(webhookEndpoints).where(and(eq(webhookEndpoints.id, created.id as string)));
    expect(row!.payloadFormat).toBe('flowmatix');
    expectError(await send('POST', 'webhooks', { key: testKey, body: { url: 'https://93.184.215.14/hook', events: ['customer.exploded'] } }), 400, 'validation_failed');
  });

  it('delivers Flowmatix’s event name and the customer id, the same bytes every time', () => {
    const event = { id: 'evt_1', type: 'client.upgraded', data: { client_id: 'cli_1', workspace_id: 'wsp_1', from_plan: 'free', to_plan: 'pro' }, createdAt: new Date('2026-11-03T10:00:00Z') };
    const body = flowmatixWebhookBody(event);
    expect(JSON.parse(body)).toEqual({ id: 'evt_1', event: 'customer.upgraded', created_at: '2026-11-03T10:00:00.000Z', customer_id: 'cli_1', data: event.data });
    expect(flowmatixWebhookBody(event)).toBe(body);
  });
});

describe('the migration guide', () => {
  it('has one row per endpoint with every field’s mapping, and says why the refused ones are refused', async () => {
    const { flowmatixMigrationGuide } = await import('./migration-guide');
    const guide = flowmatixMigrationGuide();
    const rows = guide.groups.flatMap((group) => group.rows);
    expect(rows).toHaveLength(flowmatixEndpoints.length);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    for (const row of rows) {
      for (const field of row.fields) expect(field.to, `${row.path} ${field.name}`).toBeTruthy();
      if (row.status === 'available') expect(row.rest.length, row.path).toBeGreaterThan(0);
      else expect(row.refusal).toMatchObject({ code: 'branded_per_partner', reason: expect.any(String) });
    }
    expect(guide.refused).toBe(2);
  });
});
