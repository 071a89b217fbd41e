import { expect, test } from '@playwright/test';
import { call } from './api/support/http';
import { OperatorConsole } from './api/support/operator';
import { createPartnerWithOwner, partnerHostUrl, signIn, signInAsOperator, uniqueSlug } from './support/console';

test.describe.configure({ mode: 'serial' });

/**
 * Provisioning templates end to end, in a sandbox: a reset over REST fills it with two sample clients; a
 * template made over REST installs into one of them (a retried Idempotency-Key answers the same install);
 * in the console, the dry run marks the seat as new for the other client and the install lands in the history.
 */

const partner = { slug: uniqueSlug('tpl'), name: 'Templates Telecom E2E' };
const owner = { name: 'Tara Owner', email: `tara-${partner.slug}@example.test` };
let password = '';
let testKey = '';
let templateId = '';
let clientIds: string[] = [];

test('set-up: a partner with a test key that may reset the sandbox and use templates', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAsOperator(page);
  password = await createPartnerWithOwner(page, partner, owner);
  const partnerId = new URL(page.url()).pathname.split('/').pop()!;
  const operator = await OperatorConsole.open(browser);
  try {
    testKey = await operator.createApiKey(partnerId, { name: 'Templates e2e', mode: 'test', scopes: ['templates:write', 'sandbox:write', 'clients:read'] });
  } finally {
    await operator.close();
  }
});

test('REST: a sandbox reset, a template published and installed once however often it is retried', async () => {
  test.setTimeout(120_000);
  const reset = await call('POST', '/sandbox/reset', { key: testKey });
  expect(reset.status, reset.text).toBe(200);
  expect(reset.json).toMatchObject({ object: 'sandbox_reset', contents: { clients: 2, channels: 1 } });
  const listed = await call('GET', '/clients', { key: testKey });
  clientIds = (listed.json.data as { id: string }[]).map((c) => c.id);
  expect(clientIds).toHaveLength(2);

  const created = await call('POST', '/provisioning_templates', { key: testKey, body: { name: 'Front desk', items: [{ kind: 'agent_placeholder', data: { name: 'Reception', extension: '2501', permissionGroup: 'supervisor' } }] } });
  expect(created.status, created.text).toBe(201);
  templateId = created.json.id as string;
  expect((await call('POST', `/provisioning_templates/${templateId}/versions`, { key: testKey, body: { note: 'First' } })).status).toBe(201);

  const dry = await call('POST', `/clients/${clientIds[0]}/template_installs/dry_run`, { key: testKey, body: { template_id: templateId } });
  expect(dry.status, dry.text).toBe(200);
  expect((dry.json.items as unknown[])[0]).toMatchObject({ id: 'agent_placeholder:2501', status: 'new', default_choice: 'overwrite' });
  const headers = { 'Idempotency-Key': `tpl-${partner.slug}` };
  const first = await call('POST', `/clients/${clientIds[0]}/template_installs`, { key: testKey, body: { template_id: templateId }, headers });
  const again = await call('POST', `/clients/${clientIds[0]}/template_installs`, { key: testKey, body: { template_id: templateId }, headers });
  expect(first.status, first.text).toBe(201);
  expect(again.json.id).toBe(first.json.id);
  const history = await call('GET', `/template_installs?client_id=${clientIds[0]}`, { key: testKey });
  expect(history.json.data).toHaveLength(1);
});

test('console: the dry run for the other client shows the seat as new, and the install lands in the history', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await expect(page.getByRole('heading', { name: /Welcome, Tara/ })).toBeVisible();
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('test-mode-banner')).toBeVisible();
  await page.goto(partnerHostUrl(partner.slug, `/templates/${templateId}/install?client=${clientIds[1]}`));
  const row = page.getByTestId('plan-agent_placeholder:2501');
  await expect(row).toContainText('new');
  await page.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/templates/${templateId}$`));
  await expect(page.getByRole('table', { name: 'Install history' }).getByRole('cell', { name: 'applied', exact: true })).toHaveCount(2);
});

test('console: an item is edited in its own form, a bad value refused beside its field and kept as typed', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await expect(page.getByRole('heading', { name: /Welcome, Tara/ })).toBeVisible();
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('test-mode-banner')).toBeVisible();
  await page.goto(partnerHostUrl(partner.slug, `/templates/${templateId}`));
  const item = page.getByTestId('item-agent_placeholder-2501');
  await item.getByLabel('Extension').fill('0abc');
  await item.getByRole('button', { name: 'Save item' }).click();
  await expect(item.getByText('Use 2 to 6 digits, not starting with 0.')).toBeVisible();
  await expect(item.getByLabel('Extension')).toHaveValue('0abc');
  await expect(item.getByLabel('Extension')).toHaveAttribute('aria-invalid', 'true');
  await item.getByLabel('Extension').fill('2501');
  await item.getByLabel('Seat name').fill('Front desk lead');
  await item.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByTestId('item-agent_placeholder-2501')).toContainText('Front desk lead');
});
