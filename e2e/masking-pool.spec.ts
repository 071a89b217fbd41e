import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { call, everyScope } from './api/support/http';
import { OperatorConsole } from './api/support/operator';
import { addFirstSandboxNumber, addSandboxMaskingPool, sandboxOf, sharedDatabase } from './api/support/shared-database';
import { createPartnerWithOwner, partnerHostUrl, signIn, signInAsOperator, uniqueSlug } from './support/console';

test.describe.configure({ mode: 'serial' });

/**
 * The masking pool's auto-buy and the quarantine setting in the partner console, then the operator console's
 * call simulator on the session auto-buy made possible. Pool numbers are written to the database, so it runs
 * only when the tests share the server's PostgreSQL.
 */
const partner = { slug: uniqueSlug('mpl'), name: 'Pool Telecom E2E' };
const owner = { name: 'Meera Owner', email: `meera-${partner.slug}@example.test` };
const party = (lead: string) => `+91${lead}${String(randomInt(0, 1e8)).padStart(8, '0')}`.replace(/000[2349]$/, '1111');

test('auto-buy grows an exhausted pool, quarantine days are set in a form, and the operator simulates a call', async ({ page, browser }) => {
  test.skip(!sharedDatabase, 'The masking pool is written to the database: needs DATABASE_URL.');
  test.setTimeout(180_000);
  await signInAsOperator(page);
  const password = await createPartnerWithOwner(page, partner, owner);
  const partnerId = new URL(page.url()).pathname.split('/').pop()!;
  const operator = await OperatorConsole.open(browser);
  let testKey: string;
  try {
    testKey = await operator.createApiKey(partnerId, { name: 'Pool e2e', mode: 'test', scopes: everyScope });
  } finally {
    await operator.close();
  }
  const registered = await call('POST', '/registrations', { key: testKey, body: { name: 'Fleet Client', email: `fleet-${partner.slug}@example.test`, mobile: `9${String(randomInt(0, 1e9)).padStart(9, '0')}`, password: 'correct-horse-9' } });
  expect(registered.status, registered.text).toBe(201);
  const clientId = (await call('POST', `/registrations/${registered.json.id}/simulate_kyc`, { key: testKey, body: {} })).json.client_id as string;
  expect((await call('POST', '/billing/simulate_top_up', { key: testKey, body: { amount: 1_000_000 } })).status).toBe(200);
  expect((await call('POST', `/clients/${clientId}/wallet/credits`, { key: testKey, body: { amount: 500_000 } })).status).toBeLessThan(300);
  await addSandboxMaskingPool(partnerId, clientId, 1);
  const toBuy = await addFirstSandboxNumber('OR', 'mobile');

  await page.context().clearCookies();
  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('test-mode-banner')).toBeVisible();

  // Quarantine days: out of range is refused beside the field, then saved.
  await page.getByRole('link', { name: 'Numbers', exact: true }).click();
  const settings = page.getByTestId('number-settings');
  await settings.getByRole('textbox', { name: 'Quarantine (days)' }).fill('200');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('At most 180 days.')).toBeVisible();
  await settings.getByRole('textbox', { name: 'Quarantine (days)' }).fill('45');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved: released numbers are reusable after 45 days.')).toBeVisible();
  expect((await call('GET', '/number_settings', { key: testKey })).json.quarantine_days).toBe(45);

  // Auto-buy on for the client's pool, buying mobile numbers in Odisha.
  await page.getByRole('link', { name: 'Masking', exact: true }).click();
  const pool = page.getByTestId(`pool-settings-${clientId}`);
  await pool.locator('summary').click();
  await pool.getByRole('checkbox').check();
  await pool.getByRole('textbox', { name: 'Largest pool' }).fill('0');
  await pool.getByRole('button', { name: 'Save pool settings' }).click();
  await expect(pool.getByText('At least 1 number.')).toBeVisible();
  await pool.getByRole('textbox', { name: 'Largest pool' }).fill('3');
  await pool.getByRole('combobox', { name: 'Region' }).selectOption('OR');
  await pool.getByRole('combobox', { name: 'Type' }).selectOption('mobile');
  await pool.getByRole('button', { name: 'Save pool settings' }).click();
  await expect(page.getByText('Auto-buy is on, up to 3 numbers.')).toBeVisible();

  // Two sessions for the same rider: the second needs a second pool number, which auto-buy buys.
  const rider = party('98');
  const sessionIds: string[] = [];
  for (const other of [party('97'), party('96')]) {
    const created = await call('POST', '/masking_sessions', { key: testKey, body: { client_id: clientId, first_party: rider, second_party: other } });
    expect(created.status, created.text).toBe(201);
    sessionIds.push(created.json.id as string);
  }
  const grown = await call('GET', `/clients/${clientId}/masking_pool`, { key: testKey });
  expect(grown.json.size).toBe(2);
  expect((grown.json.numbers as { number: string }[]).map((n) => n.number)).toContain(toBuy);

  // The operator calls the bought number from the rider's side.
  await page.context().clearCookies();
  await signInAsOperator(page);
  await page.getByRole('link', { name: 'Call simulator' }).click();
  await expect(page.getByRole('heading', { name: 'Call simulator', level: 1 })).toBeVisible();
  await page.goto(`${new URL(page.url()).origin}/admin/masking?partner=${encodeURIComponent(await sandboxOf(partnerId))}`);
  const session = page.getByTestId(`simulate-${sessionIds[1]}`);
  await expect(session).toContainText(toBuy);
  await expect(session.getByText('sandbox')).toBeVisible();
  await session.getByRole('button', { name: 'Call the virtual number' }).click();
  await expect(page.getByText(/bridged: 2 legs recorded/)).toBeVisible();
});
