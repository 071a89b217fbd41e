import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { call, everyScope } from './api/support/http';
import { OperatorConsole } from './api/support/operator';
import { createPartnerWithOwner, partnerHostUrl, signIn, signInAsOperator, uniqueSlug } from './support/console';

/**
 * A client from no number to a number with working hours, in the console (test mode, the sandbox's inventory
 * and books): search with live results and prices, hold with a countdown, buy with the wallet shown, the charge
 * in the client's wallet, then hours set and a holiday today making the number "closed now".
 */

const partner = { slug: uniqueSlug('num'), name: 'Numbers Telecom E2E' };
const owner = { name: 'Nisha Owner', email: `nisha-${partner.slug}@example.test` };

test('search, hold, buy, see the charge, set hours and see “closed now” on a holiday', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAsOperator(page);
  const password = await createPartnerWithOwner(page, partner, owner);
  const partnerId = new URL(page.url()).pathname.split('/').pop()!;
  const operator = await OperatorConsole.open(browser);
  let key = '';
  try {
    key = await operator.createApiKey(partnerId, { name: 'Numbers e2e', mode: 'test', scopes: everyScope });
  } finally {
    await operator.close();
  }
  expect((await call('POST', '/billing/simulate_top_up', { key, body: { amount: 10_000_000 } })).status).toBe(200);
  const registered = await call('POST', '/registrations', { key, body: { name: 'Numbers Client', email: `client-${partner.slug}@example.test`, mobile: `9${String(randomInt(0, 1e9)).padStart(9, '0')}`, password: 'correct-horse-9' } });
  expect(registered.status, registered.text).toBe(201);
  const done = await call('POST', `/registrations/${registered.json.id}/simulate_kyc`, { key, body: {} });
  expect(done.status, done.text).toBe(200);
  const clientId = done.json.client_id as string;
  expect((await call('POST', `/clients/${clientId}/wallet/credits`, { key, body: { amount: 200_000 } })).status).toBeLessThan(300);

  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('test-mode-banner')).toBeVisible();
  await page.getByRole('link', { name: 'Numbers', exact: true }).click();

  // Live results: choosing a circle and typing digits narrows the list without pressing anything.
  await page.getByLabel('Region').selectOption('MU');
  await page.getByLabel('Type').selectOption('local');
  await page.getByLabel('Match').selectOption('starts_with');
  await page.getByLabel('Digits').fill('226');
  const results = page.getByTestId('search-results');
  // Rows 1–3 are the simulator's magic numbers of the series (…1111, …2222, …3333); the fourth is ordinary.
  const offer = results.getByRole('row').nth(4);
  await expect(offer).toContainText('+91 22 6');
  await expect(offer).toContainText('₹500.00');
  await expect(offer).toContainText('₹300.00');
  const shown = (await offer.getByRole('cell').first().textContent())!.trim();
  expect(shown).not.toMatch(/(1111|2222|3333)$/);
  await results.getByRole('button', { name: `Hold ${shown}` }).click();
  await expect(page.getByText(`${shown} is yours for 10 minutes.`)).toBeVisible();

  const hold = page.getByTestId('hold').filter({ hasText: shown });
  await expect(hold.getByTestId('hold-countdown')).toContainText(/^(10:00|9:\d\d) left$/);
  await expect(hold.getByLabel('For client')).toContainText('Numbers Client — wallet ₹2,000.00');
  await hold.getByRole('button', { name: 'Buy number' }).click();
  await expect(page).toHaveURL(new RegExp(`/clients/${clientId}/numbers$`));
  const row = page.getByTestId('number-row').filter({ hasText: shown });
  await expect(row).toContainText('active');
  await expect(row.getByTestId('open-state')).toContainText('Open now');

  // The charge: setup ₹500 + first month ₹300 from ₹2,000.
  await page.getByRole('link', { name: 'Wallet', exact: true }).click();
  await expect(page.getByTestId('wallet-balance')).toHaveText('₹1,200.00');

  // Working hours, then a holiday today: closed now.
  await page.getByRole('link', { name: 'Numbers', exact: true }).last().click();
  await page.getByTestId('number-row').filter({ hasText: shown }).getByRole('link', { name: shown }).click();
  await page.getByLabel('Monday').fill('09:00-18:00');
  await page.getByRole('button', { name: 'Save working hours' }).click();
  await expect(page.getByText('Working hours saved.')).toBeVisible();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
  const holiday = page.locator('form', { hasText: 'Add holiday' });
  await holiday.getByLabel('Name').fill('Founders Day');
  await holiday.getByLabel(/^Date/).fill(today);
  await holiday.getByRole('button', { name: 'Add holiday' }).click();
  await expect(page.getByText('Founders Day added.')).toBeVisible();
  await page.goto(partnerHostUrl(partner.slug, `/clients/${clientId}/numbers`));
  await expect(page.getByTestId('number-row').filter({ hasText: shown }).getByTestId('open-state')).toContainText('Closed now (holiday: Founders Day');
});
