import { expect, test } from '@playwright/test';
import { everyScope, ivr } from './api/support/http';
import { OperatorConsole } from './api/support/operator';
import { createPartnerWithOwner, partnerHostUrl, platformUrl, signIn, signInAsOperator, uniqueSlug } from './support/console';
import { aadhaarNumbers, gstinFor, uniqueMobile } from './support/onboarding';
import { e2ePort } from './support/server-env';

test.describe.configure({ mode: 'serial' });

const partner = { slug: uniqueSlug('migrate'), name: 'Migrate Partner E2E' };
const owner = { name: 'Mina Migrate', email: `mina-${partner.slug}@example.test` };
let password: string;
let partnerId: string;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signInAsOperator(page);
  password = await createPartnerWithOwner(page, partner, owner);
  partnerId = new URL(page.url()).pathname.split('/').pop()!;
  await page.close();
});

test('the migration guide lists all 48 IVR Solutions endpoints and its click-to-connect with status, REST operation and field mappings', async ({ page }) => {
  const response = await page.goto(platformUrl('/docs/api/migrating-from-ivr-solutions'));
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Migrating from IVR Solutions');
  await expect(page).toHaveTitle(/Migrating from IVR Solutions · Switchboard/);
  await expect(page.locator('section[data-status]')).toHaveCount(49);
  // Every endpoint answers now, the call flows' included.
  await expect(page.locator('section[data-status="available"]')).toHaveCount(49);

  const verifyOtp = page.locator('section#verify_otp');
  await expect(verifyOtp.getByText('Available')).toBeVisible();
  await expect(verifyOtp.getByRole('link', { name: 'POST /api/v1/registrations/{registration_id}/verify_otp' })).toHaveAttribute('href', '/docs/api#verifyRegistrationOtp');
  const mobileotp = verifyOtp.getByRole('table', { name: /Fields of/ }).getByRole('row').filter({ hasText: 'mobileotp' });
  await expect(mobileotp).toContainText('mobile_otp');
  await expect(page.locator('section#skip_gst')).toContainText('IVR Solutions compatibility API, which sends no reason');
  await expect(page.locator('section#wallet_balance').getByText('Available')).toBeVisible();
  const createFlow = page.locator('section#create_basic_flow');
  await expect(createFlow.getByText('Available')).toBeVisible();
  await expect(createFlow.getByRole('link', { name: 'POST /api/v1/clients/{client_id}/flows' })).toHaveAttribute('href', '/docs/api#createFlow');
  await expect(page.locator(`text=http://localhost:${e2ePort}/partnerclients`)).toBeVisible();
});

test('the API reference no longer names IVR Solutions, and event descriptions show code, not backticks', async ({ page }) => {
  await page.goto(platformUrl('/docs/api'));
  await expect(page.locator('main')).not.toContainText('IVR Solutions');
  await expect(page.locator('main')).not.toContainText('partnerclients');
  const disabled = page.getByRole('table', { name: 'Event types' }).getByRole('row').filter({ hasText: 'webhook_endpoint.disabled' });
  await expect(disabled).toContainText('data.webhook_endpoint holds its id');
  expect(await disabled.textContent()).not.toContain('`');
  await expect(disabled.locator('code', { hasText: 'data.reason' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Documentation' }).getByRole('link', { name: 'Migration guide' }).click();
  await expect(page).toHaveURL(/\/docs\/api\/migrating-from-ivr-solutions$/);
});

test('each partner host serves the guide in its brand, with its own base URL', async ({ page }) => {
  await page.goto(partnerHostUrl(partner.slug, '/docs/api/migrating-from-ivr-solutions'));
  await expect(page.getByTestId('product-name')).toHaveText(partner.name);
  await expect(page).toHaveTitle(`Migrating from IVR Solutions · ${partner.name}`);
  await expect(page.locator(`text=http://${partner.slug}.localhost:${e2ePort}/partnerclients`)).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Switchboard');
});

test('the UChat and Flowmatix guides on a partner host are in its brand and never name the platform', async ({ page }) => {
  for (const [path, title] of [['/docs/api/migrating-from-uchat', 'UChat'], ['/docs/api/migrating-from-flowmatix', 'Flowmatix']] as const) {
    const response = await page.goto(partnerHostUrl(partner.slug, path));
    expect(response?.status(), path).toBe(200);
    await expect(page.getByTestId('product-name')).toHaveText(partner.name);
    await expect(page.locator('main')).toContainText(title);
    await expect(page.locator('body')).not.toContainText('Switchboard');
  }
});

test('the webhook endpoint form suggests a URL that does not name the platform', async ({ page }) => {
  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  await page.goto(partnerHostUrl(partner.slug, '/developers/webhooks'));
  const url = page.getByLabel('Endpoint URL');
  await expect(url).toBeVisible();
  expect(await url.getAttribute('placeholder')).not.toMatch(/switchboard/i);
  for (const row of await page.getByText(/webhook_endpoint\.disabled/).all()) expect(await row.textContent()).not.toContain('`');
});

test('a client onboarded over the IVR Solutions paths alone shows as active in the console’s test mode', async ({ page, browser }) => {
  const operator = await OperatorConsole.open(browser);
  const key = await operator.createApiKey(partnerId, { name: 'IVR migration', mode: 'test', scopes: everyScope }).finally(() => operator.close());
  const host = `${partner.slug}.localhost`;
  const name = `Ivr Journey ${partner.slug.slice(-6)}`;
  const pan = 'ABCPE1234F';
  const step = async (endpoint: string, body: Record<string, unknown>) => {
    const answer = await ivr('POST', endpoint, { host, key, body });
    expect(answer.status, answer.text).toBe(200);
    return answer.json.data as Record<string, string>;
  };
  const id = (await step('register', { name, email: `ivr-${partner.slug}@example.test`, mobile: uniqueMobile(), password: 'SecurePass@123', country_code: '+91' })).request_id!;
  await step('verify_otp', { request_id: id, mobileotp: '123456', emailotp: '123456' });
  await step('verify_pan', { temp_client_id: id, pan, btype: 'proprietorship' });
  const { ref } = await step('aadhar_otp', { temp_client_id: id, aadhar_num: aadhaarNumbers().valid });
  await step('aadhar_verify', { temp_client_id: id, otp: '123456', ref });
  await step('verify_gst', { temp_client_id: id, gst_num: gstinFor(pan) });
  const { client_id } = await step('accept_kyc', { temp_client_id: id, signature: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' });

  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('test-mode-banner')).toBeVisible();
  await page.goto(partnerHostUrl(partner.slug, `/clients/${client_id}`));
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByText('Active: the client can sign in and use its services.')).toBeVisible();
});
