import { randomInt } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { call, everyScope } from './api/support/http';
import { OperatorConsole } from './api/support/operator';
import { createPartnerWithOwner, partnerHostUrl, platformUrl, signIn, signInAsOperator, uniqueSlug } from './support/console';

test.describe.configure({ mode: 'serial' });

/**
 * Money in the consoles: the operator records a payment for a partner; the partner (in test mode, on its
 * sandbox's own books) adds credits to a client and sees the transaction and the new balance; charges made
 * over the API show up, to the paisa, in the commission report.
 */

const partner = { slug: uniqueSlug('bil'), name: 'Billing Telecom E2E' };
const owner = { name: 'Meera Owner', email: `meera-${partner.slug}@example.test` };
const inr = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' });
let password = '';
let testKey = '';
let clientId = '';

async function signInAsOwner(page: Page, path: string) {
  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await expect(page.getByRole('heading', { name: /Welcome, Meera/ })).toBeVisible();
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('test-mode-banner')).toBeVisible();
  await page.goto(partnerHostUrl(partner.slug, path));
}

test('the operator credits a partner’s prepaid balance with a payment reference', async ({ page, browser }) => {
  await signInAsOperator(page);
  password = await createPartnerWithOwner(page, partner, owner);
  const partnerId = new URL(page.url()).pathname.split('/').pop()!;
  const operator = await OperatorConsole.open(browser);
  try {
    testKey = await operator.createApiKey(partnerId, { name: 'Billing e2e', mode: 'test', scopes: everyScope });
  } finally {
    await operator.close();
  }

  await page.goto(platformUrl('/admin/billing'));
  const payment = page.locator('section', { hasText: 'Record a payment' });
  await payment.getByLabel('Partner').selectOption(partnerId);
  await payment.getByLabel('Amount (₹)').fill('125000.50');
  await payment.getByLabel('Reference (UTR)').fill(`UTR${Date.now()}`);
  await payment.getByRole('button', { name: 'Credit partner' }).click();
  await expect(page.getByText('Credited ₹1,25,000.50; the balance is now ₹1,25,000.50.')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId(`balance-${partner.slug}`)).toContainText('₹1,25,000.50');
});

test('a partner adds credits to a client and sees the transaction and the new balance', async ({ page }) => {
  const email = `wallet-${partner.slug}@example.test`;
  const registered = await call('POST', '/registrations', { key: testKey, body: { name: 'Wallet Client', email, mobile: `9${String(randomInt(0, 1e9)).padStart(9, '0')}`, password: 'correct-horse-9' } });
  expect(registered.status, registered.text).toBe(201);
  const done = await call('POST', `/registrations/${registered.json.id}/simulate_kyc`, { key: testKey, body: {} });
  expect(done.status, done.text).toBe(200);
  clientId = done.json.client_id as string;

  await signInAsOwner(page, `/clients/${clientId}`);
  await page.getByRole('link', { name: 'Wallet', exact: true }).click();
  await expect(page.getByTestId('wallet-balance')).toHaveText('₹0.00');
  await page.getByLabel('Credits to add (₹)').fill('500');
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText('You are about to add ₹500.00 to Wallet Client’s wallet.')).toBeVisible();
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('Added ₹500.00; balance ₹500.00.')).toBeVisible();
  await expect(page.getByTestId('wallet-balance')).toHaveText('₹500.00');
  const table = page.getByRole('table', { name: 'Transactions' });
  await expect(table.getByRole('row').nth(1)).toContainText('Credit');
  await expect(table.getByRole('row').nth(1)).toContainText('+₹500.00');

  // A wrong amount is refused beside its field, keeping what was typed.
  await page.getByLabel('Credits to add (₹)').fill('12.345');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('Give an amount in rupees, such as 500 or 499.50.')).toBeVisible();
  await expect(page.getByLabel('Credits to add (₹)')).toHaveValue('12.345');

  // The export holds the credit; an unknown client's export is a 404, not an empty file. Fetched by the page
  // itself, on the partner's host and with its session.
  const fetchFromPage = (path: string) => page.evaluate(async (url) => {
    const answer = await fetch(url);
    return { status: answer.status, text: await answer.text() };
  }, path);
  const exported = await fetchFromPage(`/clients/${clientId}/wallet/export`);
  expect(exported.status).toBe(200);
  expect(exported.text).toContain('500.00');
  expect((await fetchFromPage('/clients/cli_01kaz3d4mqf2v8n6w0c1e5rj7t/wallet/export')).status).toBe(404);
});

test('the commission report matches the charges made', async ({ page }) => {
  expect((await call('POST', '/billing/simulate_top_up', { key: testKey, body: { amount: 1_000_000 } })).status).toBe(200);
  const charges = [
    { product: 'call_minute_outbound', quantity: 100, number: '+911143104501' },
    { product: 'call_minute_inbound', quantity: 150, number: '+911143104501' },
    { product: 'number_rental_local', quantity: 1, number: '+911143104502' },
  ];
  let commission = 0;
  for (const body of charges) {
    const charged = await call('POST', `/clients/${clientId}/simulate_charge`, { key: testKey, body });
    expect(charged.status, charged.text).toBe(200);
    commission += charged.json.commission as number;
  }
  expect(commission).toBeGreaterThan(0);
  // The same figure over the API, in Flowmatix's report shape.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
  const report = await call('GET', `/partners/commissions?start_date=${today}&end_date=${today}`, { key: testKey });
  expect(report.json).toMatchObject({ total_commission: commission, total_charges: 3 });

  await signInAsOwner(page, '/commissions');
  await expect(page.getByTestId('commission-total')).toHaveText(inr.format(commission / 100));
  await expect(page.getByTestId('commission-charges')).toHaveText('3');
  await expect(page.getByRole('table', { name: 'Commission by client' })).toContainText('Wallet Client');
  await expect(page.getByRole('img', { name: /Commission per day/ })).toBeVisible();

  // The wallet's statement shows the charges, and filters by number.
  await page.goto(partnerHostUrl(partner.slug, `/clients/${clientId}/wallet?number=${encodeURIComponent('+911143104502')}`));
  const rows = page.getByRole('table', { name: 'Transactions' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Number rental, local');
});
