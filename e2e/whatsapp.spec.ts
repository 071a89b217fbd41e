import { randomInt } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { call, everyScope } from './api/support/http';
import { OperatorConsole } from './api/support/operator';
import { createPartnerWithOwner, partnerHostUrl, signIn, signInAsOperator, uniqueSlug } from './support/console';

/**
 * A partner links a client's WhatsApp number in test mode (the simulated Cloud API), sees Meta's refusal beside the
 * token field, then the linked number's health and token expiry, and gives it working hours and a holiday.
 */

const partner = { slug: uniqueSlug('wa'), name: 'WhatsApp Telecom E2E' };
const owner = { name: 'Asha Owner', email: `asha-${partner.slug}@example.test` };
let password = '';
let testKey = '';

async function signInAsOwner(page: Page, path: string) {
  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await expect(page.getByRole('heading', { name: /Welcome, Asha/ })).toBeVisible();
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('test-mode-banner')).toBeVisible();
  await page.goto(partnerHostUrl(partner.slug, path));
}

test('a partner links a WhatsApp number in the simulator and sees its health and its schedule', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signInAsOperator(page);
  password = await createPartnerWithOwner(page, partner, owner);
  const partnerId = new URL(page.url()).pathname.split('/').pop()!;
  const operator = await OperatorConsole.open(browser);
  try {
    testKey = await operator.createApiKey(partnerId, { name: 'WhatsApp e2e', mode: 'test', scopes: everyScope });
  } finally {
    await operator.close();
  }
  const registered = await call('POST', '/registrations', { key: testKey, body: { name: 'Chai Point', email: `chai-${partner.slug}@example.test`, mobile: `9${String(randomInt(0, 1e9)).padStart(9, '0')}`, password: 'correct-horse-9' } });
  expect(registered.status, registered.text).toBe(201);
  const done = await call('POST', `/registrations/${registered.json.id}/simulate_kyc`, { key: testKey, body: {} });
  const clientId = done.json.client_id as string;

  await page.context().clearCookies();
  await signInAsOwner(page, `/clients/${clientId}/whatsapp`);
  await expect(page.getByText('No WhatsApp numbers linked yet.')).toBeVisible();

  const form = page.locator('section', { hasText: 'Link a number' });
  await form.getByLabel('Phone number id').fill('1029384756');
  await form.getByLabel('Access token').fill('EAAsim_expired_e2e_token_0001');
  await form.getByRole('button', { name: 'Verify and link' }).click();
  await expect(form.getByText(/access token has expired/).first()).toBeVisible();
  // What was typed is kept, the token excepted.
  await expect(form.getByLabel('Phone number id')).toHaveValue('1029384756');

  await form.getByLabel('Access token').fill('EAAsim_expiring_e2e_token_0002');
  await form.getByLabel('Verified name').fill('Chai Point Pvt Ltd');
  await form.getByRole('button', { name: 'Verify and link' }).click();

  await expect(page.getByRole('heading', { name: '+91 11 4310 4756' })).toBeVisible();
  const health = page.getByTestId('whatsapp-health');
  await expect(health).toContainText('Active');
  await expect(health).toContainText('Quality GREEN');
  await expect(health).toContainText('Expires in 3 days');
  await expect(page.getByTestId('whatsapp-differences')).toContainText('sent Chai Point Pvt Ltd, Meta has Simulated Business 4756');
  await expect(page.getByTestId('schedule-status')).toContainText('Open now (no schedule)');

  // Working hours: a mistake is shown beside its day, then the week is saved.
  await page.getByLabel('Monday').fill('09:00-18:00, 17:00-19:00');
  await page.getByRole('button', { name: 'Save working hours' }).click();
  await expect(page.getByText('Ranges of the same day overlap; merge them into one.')).toBeVisible();
  await expect(page.getByLabel('Monday')).toHaveValue('09:00-18:00, 17:00-19:00');
  await page.getByLabel('Monday').fill('00:00-24:00');
  await page.getByLabel('Tuesday').fill('');
  for (const day of ['Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) await page.getByLabel(day).fill('00:00-24:00');
  await page.getByRole('button', { name: 'Save working hours' }).click();
  await expect(page.getByText('Working hours saved.')).toBeVisible();

  const holiday = page.locator('form', { hasText: 'Add holiday' });
  await holiday.getByLabel('Name').fill('Founders day');
  await holiday.getByLabel(/^Date/).fill('2099-01-05');
  await holiday.getByRole('button', { name: 'Add holiday' }).click();
  await expect(page.getByText('Founders day added.')).toBeVisible();
  await expect(page.getByText('Next holidays').locator('..')).toContainText('Founders day');
  await expect(page.getByTestId('schedule-status')).toContainText(/Open now|Closed now/);

  // The WhatsApp section lists it with its health and hours.
  await page.goto(partnerHostUrl(partner.slug, '/whatsapp'));
  const row = page.getByRole('row', { name: /\+91 11 4310 4756/ });
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Expires in 3 days');
});
