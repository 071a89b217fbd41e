import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { call, everyScope } from './api/support/http';
import { OperatorConsole } from './api/support/operator';
import { addSandboxMaskingPool, sharedDatabase } from './api/support/shared-database';
import { createPartnerWithOwner, partnerHostUrl, signIn, signInAsOperator, uniqueSlug } from './support/console';

test.describe.configure({ mode: 'serial' });

/**
 * Masking end to end in test mode: a client with a masking pool, a session created in the console, a call run
 * by the call simulator (both legs recorded and billed through the same ingestion as carrier events), then the
 * session ended and its parties shown masked. The pool's numbers are written to the database (no inventory
 * purchase is needed for this), so it runs only when the tests share the server's PostgreSQL.
 */

const partner = { slug: uniqueSlug('msk'), name: 'Masking Telecom E2E' };
const owner = { name: 'Ravi Owner', email: `ravi-${partner.slug}@example.test` };
const firstParty = `+9198${String(randomInt(0, 1e8)).padStart(8, '0')}`.replace(/000[2349]$/, '1111');
const secondParty = `+9197${String(randomInt(0, 1e8)).padStart(8, '0')}`.replace(/000[2349]$/, '1111');

test('a partner creates a masking session in test mode and runs the call simulator', async ({ page, browser }) => {
  test.skip(!sharedDatabase, 'The masking pool is written to the database: needs DATABASE_URL.');
  // Setting up a partner, a key and an onboarded client through the consoles and the API takes a while on a busy machine.
  test.setTimeout(180_000);
  await signInAsOperator(page);
  const password = await createPartnerWithOwner(page, partner, owner);
  const partnerId = new URL(page.url()).pathname.split('/').pop()!;
  const operator = await OperatorConsole.open(browser);
  let testKey: string;
  try {
    testKey = await operator.createApiKey(partnerId, { name: 'Masking e2e', mode: 'test', scopes: everyScope });
  } finally {
    await operator.close();
  }
  const registered = await call('POST', '/registrations', { key: testKey, body: { name: 'Ride Client', email: `ride-${partner.slug}@example.test`, mobile: `9${String(randomInt(0, 1e9)).padStart(9, '0')}`, password: 'correct-horse-9' } });
  expect(registered.status, registered.text).toBe(201);
  const done = await call('POST', `/registrations/${registered.json.id}/simulate_kyc`, { key: testKey, body: {} });
  expect(done.status, done.text).toBe(200);
  const clientId = done.json.client_id as string;
  expect((await call('POST', '/billing/simulate_top_up', { key: testKey, body: { amount: 1_000_000 } })).status).toBe(200);
  const credited = await call('POST', `/clients/${clientId}/wallet/credits`, { key: testKey, body: { amount: 50_000 } });
  expect(credited.status, credited.text).toBeLessThan(300);
  const [virtualNumber] = await addSandboxMaskingPool(partnerId, clientId, 1);

  await page.context().clearCookies();
  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('test-mode-banner')).toBeVisible();
  await page.getByRole('link', { name: 'Masking', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Masking', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Masking pool numbers' })).toContainText(virtualNumber!);

  // A bad number is refused beside its field, keeping what was typed.
  await page.getByRole('textbox', { name: 'First party' }).fill('98123');
  await page.getByRole('textbox', { name: 'Second party' }).fill(secondParty);
  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page.getByText('Give the number in E.164 form with the plus, e.g. +919812345678.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Second party' })).toHaveValue(secondParty);

  await page.getByRole('textbox', { name: 'First party' }).fill(firstParty);
  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page.getByRole('heading', { name: `Session ${virtualNumber}` })).toBeVisible();
  await expect(page.getByText(firstParty)).toBeVisible();

  await page.getByLabel('Talk time (s)').fill('125');
  await page.getByRole('button', { name: 'Call the virtual number' }).click();
  await expect(page.getByText('Simulated call: 2 legs recorded and billed.')).toBeVisible();
  const legs = page.getByRole('table', { name: 'Call legs of this session' });
  await expect(legs.getByRole('row')).toHaveCount(3);
  await expect(legs).toContainText('125 s');
  await expect(legs.getByText('charged')).toHaveCount(2);

  // The same legs over REST, and the wallet charged 6 masked minutes at the list price of ₹1.20.
  const sessions = await call('GET', `/masking_sessions?client_id=${clientId}`, { key: testKey });
  expect(sessions.json.data).toHaveLength(1);
  const wallet = await call('GET', `/clients/${clientId}/wallet`, { key: testKey });
  expect(wallet.json.balance).toBe(50_000 - 720);

  await page.getByRole('button', { name: 'End session' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'End session' }).click();
  await expect(page.getByText('This session has closed')).toBeVisible();
  await expect(page.getByText(firstParty)).toHaveCount(0);
  await expect(page.getByText(`+91 ••••••••${firstParty.slice(-2)}`).first()).toBeVisible();
});
