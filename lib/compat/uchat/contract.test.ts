import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { clients, events, webhookEndpoints } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/manage-api-keys';
import { allScopes, type Scope } from '@/lib/api-keys/scopes';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { createFlow } from '@/lib/flows/manage-flows';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { creditPartner } from '@/lib/ledger/money-in';
import { buyUnits } from '@/lib/ledger/units';
import { createTemplate, publishTemplateVersion } from '@/lib/provisioning/templates';
import { createWorkspace } from '@/lib/workspaces/manage-workspaces';
import { setOffer } from '@/lib/workspaces/offers';
import { ensureStandardCatalogue } from '@/lib/workspaces/standard-catalogue';
import { makePartner, systemFor, unique, uniqueEmail } from '@/test/factories';
import { uchatEndpoints } from './endpoints';
import { uchatRouteHandlers } from './route';
import { uchatWebhookBody } from './webhook-payload';

/**
 * A contract test per endpoint over the route handler as Next calls it: the seed's example bodies, one bad input
 * each, another partner's workspace answered 404, and junk never answered 5xx.
 */

type Answer = { status: number; headers: Headers; json: { status: 'ok' | 'error'; data?: unknown; meta?: Record<string, unknown>; code?: string; message?: string; errors?: Record<string, string> } };

let partnerId: string;
let key: string;
let clientId: string;
let workspaceId: string;
let foreignWorkspaceId: string;
let templateId: string;

const example = (method: string, path: string) => structuredClone(uchatEndpoints.find((e) => e.method === method && e.path === path)!.example!);

async function send(method: string, path: string, options: { body?: unknown; raw?: string; key?: string | null; contentType?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  const token = options.key === undefined ? key : options.key;
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (options.raw !== undefined) body = options.raw;
  if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const handler = uchatRouteHandlers[method as keyof typeof uchatRouteHandlers];
  const response = await handler(new Request(`http://localhost/api/partner/${path}`, { method, headers, body }));
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
}

function expectOk(answer: Answer, status = 200) {
  expect(answer.status, JSON.stringify(answer.json)).toBe(status);
  expect(answer.headers.get('content-type')).toBe('application/json');
  expect(answer.json.status).toBe('ok');
  return answer.json.data as Record<string, unknown>;
}

function expectError(answer: Answer, status: number, code: string, field?: string) {
  expect(answer.status, JSON.stringify(answer.json)).toBe(status);
  expect(answer.json).toMatchObject({ status: 'error', code, message: expect.any(String) });
  if (field) expect(Object.keys(answer.json.errors ?? {})).toContain(field);
}

const keyWith = async (owner: string, scopes: readonly Scope[], mode: 'live' | 'test' = 'live') => (await createApiKey(systemFor(owner), { name: `UChat ${unique()}`, mode, scopes: [...scopes] })).secret;

beforeAll(async () => {
  const catalogue = await ensureStandardCatalogue(getDb());
  partnerId = (await makePartner('uchat')).id;
  const ctx = systemFor(partnerId);
  for (const item of [catalogue.free, catalogue.pro, catalogue.extraMember, catalogue.extraBotUsers]) await setOffer(ctx, { itemId: item.id, offered: true });
  key = await keyWith(partnerId, allScopes);
  clientId = (await seedClient(ctx, { name: 'Kestrel Couriers', email: uniqueEmail('uchat'), status: 'active', owner: { name: 'Kestrel Owner', password: 'a-long-password-1' } })).id;
  await creditPartner(systemCtx, { partnerId, amount: '10000000', reference: `UTR${unique()}` });
  await addClientCredits(ctx, { clientId, amount: '10000000' });
  await buyUnits(ctx, { unit: 'points', quantity: 1000 });
  workspaceId = (await createWorkspace(ctx, { clientId, name: 'Kestrel main' })).id;
  await createFlow(ctx, clientId, { name: 'Support', transferTo: '+919800000001' }).catch(() => undefined);
  const template = await createTemplate(ctx, { name: 'Front desk', items: [{ kind: 'client_settings', data: { extensionRange: { first: 3001, last: 3099 } } }] });
  await publishTemplateVersion(ctx, template.id, { note: 'First' });
  templateId = template.id;
  const other = (await makePartner('uchatother')).id;
  const otherClient = await seedClient(systemFor(other), { name: 'Other Co', email: uniqueEmail('uo'), status: 'active' });
  foreignWorkspaceId = (await createWorkspace(systemFor(other), { clientId: otherClient.id, name: 'Not yours' })).id;
});

describe('the UChat mapping table', () => {
  it('has every endpoint of its reference, with the methods its clients use', () => {
    expect(uchatEndpoints.map((e) => `${e.method} ${e.path}`)).toEqual([
      'GET clients',
      'GET workspaces',
      'POST workspace/create',
      'POST workspace/create-for-existing-user',
      'GET workspace/{workspaceId}',
      'DELETE workspace/{workspaceId}',
      'POST workspace/{workspaceId}/update-extra-billing-information',
      'PUT workspace/{workspaceId}/change-plan',
      'POST workspace/{workspaceId}/add-addon',
      'POST workspace/{workspaceId}/remove-addon',
      'POST workspace/{workspaceId}/topup-points',
      'POST workspace/{workspaceId}/deduct-points',
      'POST workspace/{workspaceId}/enable-auto-renew',
      'POST workspace/{workspaceId}/disable-auto-renew',
      'POST workspace/{workspaceId}/pause',
      'POST workspace/{workspaceId}/active',
      'GET plans',
      'GET addons',
      'GET workspace/{workspaceId}/members',
      'POST workspace/{workspaceId}/invite-member',
      'POST workspace/{workspaceId}/remove-member',
      'GET workspace/{workspaceId}/list-flows',
      'POST workspace/{workspaceId}/install-template',
      'GET templates',
      'GET webhook',
      'POST set-webhook',
      'POST remove-webhook',
    ]);
  });
});

describe('conventions', () => {
  it('needs a Bearer partner key', async () => {
    expectError(await send('GET', 'workspaces', { key: null }), 401, 'unauthenticated');
  });

  it('answers unknown paths and wrong methods in its envelope', async () => {
    expectError(await send('GET', 'nothing-here'), 404, 'route_not_found');
    const wrong = await send('POST', `workspace/${workspaceId}/change-plan`, { body: { plan: 'pro' } });
    expectError(wrong, 405, 'method_not_allowed');
    expect(wrong.headers.get('allow')).toContain('PUT');
  });

  it('never answers junk with a 5xx', async () => {
    const junk = ['{', '[]', 'null', '"x"', '{"email": {"$gt": ""}}', '\u0000', JSON.stringify({ page: 'NaN', points: 1e308, plan: ['x'] })];
    for (const endpoint of uchatEndpoints.filter((e) => e.method !== 'GET')) {
      const path = endpoint.path.replace('{workspaceId}', workspaceId === '' ? 'x' : 'wsp_00000000000000000000000000');
      for (const raw of junk) {
        const answer = await send(endpoint.method, path, { raw });
        expect(answer.status, `${endpoint.method} ${path} ${raw}: ${JSON.stringify(answer.json)}`).toBeLessThan(500);
        expect(answer.json.status).toBe('error');
      }
    }
    for (const query of ['page=0', 'page=abc', 'per_page=1000', 'status=%00', 'page=-1']) {
      for (const path of ['clients', 'workspaces', 'plans', 'addons', 'templates', 'webhook', `workspace/${workspaceId}/members`, `workspace/${workspaceId}/list-flows`]) {
        const answer = await send('GET', `${path}?${query}`);
        expect(answer.status, `${path}?${query}`).toBeLessThan(500);
      }
    }
  });
});

describe('clients and workspaces', () => {
  it('lists clients and workspaces page by page, never another partner’s', async () => {
    const listed = await send('GET', 'workspaces?per_page=1&page=1');
    const data = expectOk(listed) as unknown as Record<string, unknown>[];
    expect(listed.json.meta).toMatchObject({ current_page: 1, per_page: 1, total: expect.any(Number) });
    expect(data).toHaveLength(1);
    const all = expectOk(await send('GET', 'workspaces?per_page=100')) as unknown as { id: string }[];
    expect(all.map((w) => w.id)).toContain(workspaceId);
    expect(all.map((w) => w.id)).not.toContain(foreignWorkspaceId);
    const people = await send('GET', 'clients');
    expect((expectOk(people) as unknown as { id: string }[]).map((c) => c.id)).toContain(clientId);
    expect(people.json.meta).toMatchObject({ current_page: 1, per_page: 10 });
    expectError(await send('GET', 'clients?per_page=500'), 400, 'validation_failed', 'per_page');
  });

  it('creates a workspace and its client from the documented body, pending KYC, and refuses a bad e-mail and a taken one', async () => {
    const body = { ...example('POST', 'workspace/create'), email: uniqueEmail('jane') };
    const created = expectOk(await send('POST', 'workspace/create', { body }), 201);
    expect(created).toMatchObject({ kyc_required: true, user: { status: 'pending', email: body.email }, workspace: { name: 'Jane’s Agency', plan: 'free', auto_renew: 1, owner_email: body.email }, trial_days: 14 });
    expect((created.kyc as { onboarding_url: string }).onboarding_url).toMatch(/^https?:\/\//);
    const [row] = await getDb().select().from(clients).where(and(eq(clients.partnerId, partnerId), eq(clients.email, body.email as string)));
    expect(row!.status).toBe('pending');
    expectError(await send('POST', 'workspace/create', { body: { ...body, email: 'not-an-email' } }), 400, 'validation_failed', 'email');
    expectError(await send('POST', 'workspace/create', { body }), 409, 'conflict', 'email');
  });

  it('checks every scope, the plan and the template of a create before writing anything, so a refused create can be retried as it is', async () => {
    const body = { ...example('POST', 'workspace/create'), email: uniqueEmail('retry') };
    const plansOnly = await keyWith(partnerId, ['plans:write', 'plans:read']);
    expectError(await send('POST', 'workspace/create', { body, key: plansOnly }), 403, 'insufficient_scope');
    expectError(await send('POST', 'workspace/create', { body: { ...body, plan: 'no-such-plan' } }), 400, 'validation_failed', 'plan');
    expectError(await send('POST', 'workspace/create', { body: { ...body, template_ns: 'tpl_00000000000000000000000000' } }), 404, 'not_found');
    const [left] = await getDb().select().from(clients).where(and(eq(clients.partnerId, partnerId), eq(clients.email, body.email as string)));
    expect(left).toBeUndefined();
    expect(expectOk(await send('POST', 'workspace/create', { body }), 201)).toMatchObject({ kyc_required: true });
  });

  it('gives a key without clients:read the owner’s id but not its name or e-mail', async () => {
    const plansOnly = await keyWith(partnerId, ['plans:read']);
    expect(expectOk(await send('GET', `workspace/${workspaceId}`, { key: plansOnly }))).toMatchObject({ owner_id: clientId, owner_name: null, owner_email: null });
  });

  it('creates a workspace for an existing user by e-mail, with a template, and refuses an unknown user', async () => {
    const [client] = await getDb().select().from(clients).where(eq(clients.id, clientId));
    const created = expectOk(await send('POST', 'workspace/create-for-existing-user', { body: { ...example('POST', 'workspace/create-for-existing-user'), email: client!.email, template_ns: templateId } }), 201);
    expect(created).toMatchObject({ owner_id: clientId, name: 'Second workspace' });
    expectError(await send('POST', 'workspace/create-for-existing-user', { body: { email: uniqueEmail('nobody') } }), 404, 'not_found');
    expectError(await send('POST', 'workspace/create-for-existing-user', { body: {} }), 400, 'validation_failed', 'email');
  });

  it('gets a workspace, and another partner’s is not found', async () => {
    expect(expectOk(await send('GET', `workspace/${workspaceId}`))).toMatchObject({ id: workspaceId, owner_id: clientId, plan: 'free', auto_renew: 1, status: 'active' });
    expectError(await send('GET', `workspace/${foreignWorkspaceId}`), 404, 'not_found');
    expectError(await send('DELETE', `workspace/${foreignWorkspaceId}`), 404, 'not_found');
  });

  it('sets billing information from the example, and refuses a foreign country and a bad PIN', async () => {
    const saved = expectOk(await send('POST', `workspace/${workspaceId}/update-extra-billing-information`, { body: example('POST', 'workspace/{workspaceId}/update-extra-billing-information') }));
    expect(saved.billing_info).toMatchObject({ legal_name: 'Jane’s Agency Pvt Ltd', city: 'Bengaluru', pincode: '560001', gstin: '29AABCK5678L1ZU' });
    expectError(await send('POST', `workspace/${workspaceId}/update-extra-billing-information`, { body: { ...example('POST', 'workspace/{workspaceId}/update-extra-billing-information'), country: 'US' } }), 400, 'validation_failed', 'country');
    expectError(await send('POST', `workspace/${workspaceId}/update-extra-billing-information`, { body: { ...example('POST', 'workspace/{workspaceId}/update-extra-billing-information'), zip: '12' } }), 400, 'validation_failed', 'zip');
    expectError(await send('POST', `workspace/${foreignWorkspaceId}/update-extra-billing-information`, { body: example('POST', 'workspace/{workspaceId}/update-extra-billing-information') }), 404, 'not_found');
  });
});

describe('billing and plans', () => {
  it('lists the offered plans and add-ons', async () => {
    const plans = expectOk(await send('GET', 'plans')) as unknown as { plan: string }[];
    expect(plans.map((p) => p.plan)).toEqual(expect.arrayContaining(['free', 'pro']));
    const addons = expectOk(await send('GET', 'addons')) as unknown as { addon: string }[];
    expect(addons.map((a) => a.addon)).toEqual(expect.arrayContaining(['extra_member', 'extra_bot_users']));
  });

  it('changes plan with PUT, and refuses an unknown plan and a foreign workspace', async () => {
    expect(expectOk(await send('PUT', `workspace/${workspaceId}/change-plan`, { body: example('PUT', 'workspace/{workspaceId}/change-plan') }))).toMatchObject({ plan: 'pro', effective: 'now' });
    expectError(await send('PUT', `workspace/${workspaceId}/change-plan`, { body: { plan: 'no-such-plan' } }), 400, 'validation_failed', 'plan');
    expectError(await send('PUT', `workspace/${workspaceId}/change-plan`, { body: {} }), 400, 'validation_failed', 'plan');
    expectError(await send('PUT', `workspace/${foreignWorkspaceId}/change-plan`, { body: { plan: 'pro' } }), 404, 'not_found');
  });

  it('adds and removes an add-on, and refuses a missing add-on', async () => {
    const added = expectOk(await send('POST', `workspace/${workspaceId}/add-addon`, { body: example('POST', 'workspace/{workspaceId}/add-addon') }));
    expect(added.addons).toEqual([expect.objectContaining({ addon: 'extra_bot_users', quantity: 1 })]);
    expectOk(await send('POST', `workspace/${workspaceId}/remove-addon`, { body: example('POST', 'workspace/{workspaceId}/remove-addon') }));
    expectError(await send('POST', `workspace/${workspaceId}/add-addon`, { body: { quantity: 2 } }), 400, 'validation_failed', 'addon');
    expectError(await send('POST', `workspace/${workspaceId}/remove-addon`, { body: { addon: 'extra_member', quantity: 0 } }), 400, 'validation_failed', 'quantity');
    expectError(await send('POST', `workspace/${foreignWorkspaceId}/add-addon`, { body: { addon: 'extra_member' } }), 404, 'not_found');
  });

  it('tops up and deducts points, and refuses a bad amount', async () => {
    expect(expectOk(await send('POST', `workspace/${workspaceId}/topup-points`, { body: example('POST', 'workspace/{workspaceId}/topup-points') }))).toMatchObject({ points: 500 });
    expect(expectOk(await send('POST', `workspace/${workspaceId}/deduct-points`, { body: example('POST', 'workspace/{workspaceId}/deduct-points') }))).toMatchObject({ points: 400 });
    expectError(await send('POST', `workspace/${workspaceId}/topup-points`, { body: { points: -5 } }), 400, 'validation_failed', 'points');
    expectError(await send('POST', `workspace/${workspaceId}/deduct-points`, { body: { points: 'lots' } }), 400, 'validation_failed', 'points');
    expectError(await send('POST', `workspace/${foreignWorkspaceId}/topup-points`, { body: { points: 1 } }), 404, 'not_found');
  });

  it('turns auto-renew off and on, pauses and resumes, and refuses a second pause', async () => {
    expect(expectOk(await send('POST', `workspace/${workspaceId}/disable-auto-renew`))).toMatchObject({ auto_renew: 0 });
    expect(expectOk(await send('POST', `workspace/${workspaceId}/enable-auto-renew`))).toMatchObject({ auto_renew: 1 });
    expect(expectOk(await send('POST', `workspace/${workspaceId}/pause`))).toMatchObject({ status: 'paused' });
    expectError(await send('POST', `workspace/${workspaceId}/pause`), 409, 'conflict');
    expect(expectOk(await send('POST', `workspace/${workspaceId}/active`))).toMatchObject({ status: 'active' });
    expectError(await send('POST', `workspace/${workspaceId}/active`), 409, 'conflict');
    expectError(await send('POST', `workspace/${workspaceId}/pause`, { body: { reason: 'x'.repeat(600) } }), 400, 'validation_failed', 'reason');
    for (const action of ['enable-auto-renew', 'disable-auto-renew', 'pause', 'active']) expectError(await send('POST', `workspace/${foreignWorkspaceId}/${action}`), 404, 'not_found');
  });
});

describe('members, flows and templates', () => {
  it('invites, lists and removes a member by e-mail, and refuses an unknown role', async () => {
    const body = { ...example('POST', 'workspace/{workspaceId}/invite-member'), email: uniqueEmail('agent') };
    expect(expectOk(await send('POST', `workspace/${workspaceId}/invite-member`, { body: { ...body, role: 'Live-chat agent' } }), 201)).toMatchObject({ email: body.email, role: 'member', status: 'invited' });
    const members = expectOk(await send('GET', `workspace/${workspaceId}/members`)) as unknown as { email: string }[];
    expect(members.map((m) => m.email)).toContain(body.email);
    expect(expectOk(await send('POST', `workspace/${workspaceId}/remove-member`, { body: { email: body.email } }))).toMatchObject({ deleted: true });
    const second = { ...body, email: uniqueEmail('agent2') };
    expectOk(await send('POST', `workspace/${workspaceId}/invite-member`, { body: { ...second, role: 'Live-chat agent' } }), 201);
    const listed = expectOk(await send('GET', `workspace/${workspaceId}/members`)) as unknown as { email: string; user_id: string }[];
    const userId = listed.find((m) => m.email === second.email)!.user_id;
    expect(expectOk(await send('POST', `workspace/${workspaceId}/remove-member`, { body: { user_id: userId } }))).toMatchObject({ id: userId, deleted: true });
    expectError(await send('POST', `workspace/${workspaceId}/invite-member`, { body: { ...body, role: 'emperor' } }), 400, 'validation_failed', 'role');
    expectError(await send('POST', `workspace/${workspaceId}/remove-member`, { body: {} }), 400, 'validation_failed', 'email');
    expectError(await send('GET', `workspace/${foreignWorkspaceId}/members`), 404, 'not_found');
    expectError(await send('POST', `workspace/${foreignWorkspaceId}/invite-member`, { body }), 404, 'not_found');
  });

  it('lists the workspace’s flows, and a foreign workspace’s are not found', async () => {
    const flows = await send('GET', `workspace/${workspaceId}/list-flows`);
    expectOk(flows);
    expect(flows.json.meta).toMatchObject({ current_page: 1 });
    expectError(await send('GET', `workspace/${workspaceId}/list-flows?page=0`), 400, 'validation_failed', 'page');
    expectError(await send('GET', `workspace/${foreignWorkspaceId}/list-flows`), 404, 'not_found');
  });

  it('lists templates and installs one, and refuses a missing template_ns', async () => {
    const templates = expectOk(await send('GET', 'templates')) as unknown as { template_ns: string }[];
    expect(templates.map((t) => t.template_ns)).toContain(templateId);
    const installed = expectOk(await send('POST', `workspace/${workspaceId}/install-template`, { body: { ...example('POST', 'workspace/{workspaceId}/install-template'), template_ns: templateId } }));
    expect(installed).toMatchObject({ template_ns: templateId, status: 'applied' });
    expectError(await send('POST', `workspace/${workspaceId}/install-template`, { body: {} }), 400, 'validation_failed', 'template_ns');
    expectError(await send('POST', `workspace/${foreignWorkspaceId}/install-template`, { body: { template_ns: templateId } }), 404, 'not_found');
  });

  it('deletes (cancels) a workspace with DELETE, and a second DELETE is a conflict', async () => {
    const ws = (await createWorkspace(systemFor(partnerId), { clientId, name: 'Short-lived' })).id;
    expect(expectOk(await send('DELETE', `workspace/${ws}`))).toMatchObject({ id: ws, status: 'cancelled' });
    expectError(await send('DELETE', `workspace/${ws}`), 409, 'conflict');
  });
});

describe('webhooks', () => {
  it('sets a webhook with UChat’s event names in its payload format, shows and removes it, and refuses an unknown event', async () => {
    const testKey = await keyWith(partnerId, allScopes, 'test');
    const created = expectOk(await send('POST', 'set-webhook', { key: testKey, body: { ...example('POST', 'set-webhook'), url: 'https://93.184.215.14/hook' } }), 201);
    expect(created).toMatchObject({ events: ['workspace_created', 'plan_changed'], secret: expect.any(String) });
    const [row] = await getDb().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, created.id as string));
    expect(row).toMatchObject({ payloadFormat: 'uchat', eventTypes: ['workspace.created', 'workspace.plan_changed'] });
    const shown = expectOk(await send('GET', 'webhook', { key: testKey })) as unknown as { id: string }[];
    expect(shown.map((w) => w.id)).toContain(created.id);
    expect(expectOk(await send('POST', 'remove-webhook', { key: testKey, body: { id: created.id } }))).toEqual({ removed: [created.id] });
    expectError(await send('POST', 'remove-webhook', { key: testKey, body: { id: created.id } }), 404, 'not_found');
    expectError(await send('POST', 'set-webhook', { key: testKey, body: { url: 'https://93.184.215.14/hook', events: ['workspace_exploded'] } }), 400, 'validation_failed');
    expectError(await send('POST', 'set-webhook', { key: testKey, body: { url: 'https://10.0.0.1/hook' } }), 400, 'validation_failed');
  });

  it('delivers a real plan change with the owner’s e-mail and the plan’s code', async () => {
    const [row] = await getDb().select().from(events).where(and(eq(events.partnerId, partnerId), eq(events.type, 'workspace.plan_changed')));
    const [client] = await getDb().select().from(clients).where(eq(clients.id, clientId));
    const body = JSON.parse(uchatWebhookBody({ id: row!.id, type: row!.type, data: row!.data, createdAt: row!.createdAt }));
    expect(body).toMatchObject({ event_type: 'plan_changed', owner_id: clientId, owner_email: client!.email, workspace_id: workspaceId, plan: 'pro', auto_renew: expect.any(Number) });
  });

  it('delivers UChat’s fields as a pure function of the event', () => {
    const event = { id: 'evt_1', type: 'workspace.plan_changed', data: { workspace_id: 'wsp_1', client_id: 'cli_1', client_email: 'o@example.com', to_plan_code: 'pro', auto_renew: true }, createdAt: new Date('2026-11-03T10:00:00Z') };
    const body = uchatWebhookBody(event);
    expect(JSON.parse(body)).toMatchObject({ event_type: 'plan_changed', event_id: 'evt_1', owner_id: 'cli_1', owner_email: 'o@example.com', workspace_id: 'wsp_1', auto_renew: 1 });
    expect(uchatWebhookBody(event)).toBe(body);
    const onboarded = { id: 'evt_2', type: 'client.activated', data: { client: { id: 'cli_2', email: 'n@example.com', name: 'N', status: 'active' }, registration_id: 'reg_1' }, createdAt: new Date('2026-11-03T10:00:00Z') };
    expect(JSON.parse(uchatWebhookBody(onboarded))).toMatchObject({ event_type: 'user_registered', owner_id: 'cli_2', owner_email: 'n@example.com' });
    expect(JSON.parse(uchatWebhookBody({ ...onboarded, data: { client: onboarded.data.client, reason: 'paid' } }))).toMatchObject({ event_type: 'user_activated' });
  });
});

describe('the migration guide', () => {
  it('has one row per endpoint with every field’s mapping', async () => {
    const { uchatMigrationGuide } = await import('./migration-guide');
    const guide = uchatMigrationGuide();
    const rows = guide.groups.flatMap((group) => group.rows);
    expect(rows).toHaveLength(uchatEndpoints.length);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    for (const row of rows) {
      for (const field of row.fields) expect(field.to, `${row.path} ${field.name}`).toBeTruthy();
      expect(row.rest.length, row.path).toBeGreaterThan(0);
    }
  });
});
