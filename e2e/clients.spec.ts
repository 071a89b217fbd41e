import { readFile } from 'node:fs/promises';
import { randomInt } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { call, everyScope } from './api/support/http';
import { OperatorConsole } from './api/support/operator';
import { createPartnerWithOwner, partnerHostUrl, signIn, signInAsOperator, uniqueSlug } from './support/console';

test.describe.configure({ mode: 'serial' });

/**
 * The console side of onboarding, all in test mode: clients made over the REST API with a test key (the console
 * wizard is its own spec), then listed, exported, deactivated and reactivated; a half-done registration shown and
 * cancelled; a hosted link created and revoked; and the OTP e-mail read in the sandbox outbox.
 */

const partner = { slug: uniqueSlug('cli'), name: 'Clients Telecom E2E' };
const owner = { name: 'Kiran Owner', email: `kiran-${partner.slug}@example.test` };
const tag = partner.slug.slice(-6);
let password = '';
let testKey = '';
let halfDone = { id: '', email: '' };
let firstClientId = '';

const mobile = () => `9${String(randomInt(0, 1e9)).padStart(9, '0')}`;

/** Registers a prospect over the API with the test key; `complete` runs simulated KYC and accepts. */
async function register(name: string, email: string, complete: boolean) {
  const registered = await call('POST', '/registrations', { key: testKey, body: { name, email, mobile: mobile(), password: 'correct-horse-9' } });
  expect(registered.status, registered.text).toBe(201);
  const id = registered.json.id as string;
  if (complete) {
    const done = await call('POST', `/registrations/${id}/simulate_kyc`, { key: testKey, body: {} });
    expect(done.status, done.text).toBe(200);
    return { id, clientId: done.json.client_id as string };
  }
  return { id, clientId: '' };
}

async function signInAsOwner(page: Page, path: string, testMode = true) {
  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await expect(page.getByRole('heading', { name: /Welcome, Kiran/ })).toBeVisible();
  if (testMode) {
    await page.getByRole('switch', { name: 'Test mode' }).click();
    await expect(page.getByTestId('test-mode-banner')).toBeVisible();
  }
  await page.goto(partnerHostUrl(partner.slug, path));
}

const clientsTable = (page: Page) => page.getByRole('table', { name: 'Clients' });
const firstDataRow = (page: Page) => clientsTable(page).getByRole('row').nth(1);

test('the operator makes a partner, its owner and a test key; the API onboards its test clients', async ({ page, browser }) => {
  await signInAsOperator(page);
  password = await createPartnerWithOwner(page, partner, owner);
  const partnerId = new URL(page.url()).pathname.split('/').pop()!;
  const operator = await OperatorConsole.open(browser);
  try {
    testKey = await operator.createApiKey(partnerId, { name: 'Clients e2e', mode: 'test', scopes: everyScope });
  } finally {
    await operator.close();
  }

  // 22 onboarded clients: two pages of 20. Names chosen to sort plainly, and one a CSV must quote.
  const names = [`Aarav Textiles ${tag}`, `Zoya Foods ${tag}`, `Khan, "Best" Sweets ${tag}`, ...Array.from({ length: 19 }, (_, i) => `Client ${String(i + 1).padStart(2, '0')} ${tag}`)];
  for (const [i, name] of names.entries()) {
    const { clientId } = await register(name, `client${i}-${tag}@example.test`, true);
    if (i === 0) firstClientId = clientId;
  }
  // One deactivated through the API, for the status filter.
  const zoya = await call('GET', `/clients?search=${encodeURIComponent('Zoya Foods')}`, { key: testKey });
  const zoyaId = (zoya.json.data as { id: string }[])[0]!.id;
  expect((await call('POST', `/clients/${zoyaId}/status`, { key: testKey, body: { status: 'inactive', reason: 'Paused by the e2e test' } })).status).toBe(200);

  // One registration left halfway: codes and PAN done, Aadhaar next.
  halfDone = { id: '', email: `halfway-${tag}@example.test` };
  halfDone.id = (await register(`Halfway Prospect ${tag}`, halfDone.email, false)).id;
  expect((await call('POST', `/registrations/${halfDone.id}/verify_otp`, { key: testKey, body: { email_otp: '123456', mobile_otp: '123456' } })).status).toBe(200);
  expect((await call('POST', `/registrations/${halfDone.id}/pan`, { key: testKey, body: { pan: 'ABCPE1234F', business_type: 'proprietorship' } })).status).toBe(200);
});

test('the Clients page searches, filters, sorts, pages and exports the current filter as CSV', async ({ page }) => {
  await signInAsOwner(page, '/');
  await page.getByRole('link', { name: 'Clients', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  await expect(page.getByText('Showing 1–20 of 22')).toBeVisible();

  // Pages.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Showing 21–22 of 22')).toBeVisible();
  await expect(clientsTable(page).getByRole('row')).toHaveCount(3);
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(page.getByText('Showing 1–20 of 22')).toBeVisible();

  // Sorts by name, both ways.
  await page.getByRole('button', { name: 'Client', exact: true }).click();
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  await expect(firstDataRow(page)).toContainText('Aarav Textiles');
  await page.getByRole('button', { name: 'Client', exact: true }).click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect(firstDataRow(page)).toContainText('Zoya Foods');

  // Filters by status and by KYC stage.
  await page.getByLabel('Status').selectOption('inactive');
  await expect(page).toHaveURL(/status=inactive/);
  await expect(page.getByText('Showing 1–1 of 1')).toBeVisible();
  await expect(firstDataRow(page)).toContainText('Zoya Foods');
  await page.getByLabel('Status').selectOption('');
  await expect(page).not.toHaveURL(/status=/);
  await page.getByLabel('KYC stage').selectOption('not_onboarded');
  await expect(page).toHaveURL(/kyc=not_onboarded/);
  await expect(clientsTable(page)).toContainText('No clients match.');
  await page.getByLabel('KYC stage').selectOption('completed');
  await expect(page).toHaveURL(/kyc=completed/);
  await expect(page.getByText('Showing 1–20 of 22')).toBeVisible();
  // A second change made before the first has landed keeps both.
  await page.getByLabel('Status').selectOption('inactive');
  await page.getByLabel('KYC stage').selectOption('not_onboarded');
  await expect(page).toHaveURL(/status=inactive/);
  await expect(page).toHaveURL(/kyc=not_onboarded/);
  await page.getByLabel('Status').selectOption('');
  await page.getByLabel('KYC stage').selectOption('completed');
  await expect(page).not.toHaveURL(/status=/);
  await expect(page.getByText('Showing 1–20 of 22')).toBeVisible();

  // Searches name or e-mail.
  await page.getByLabel('Search name or e-mail').fill('client2-');
  await expect(page).toHaveURL(/q=client2-/);
  await expect(page.getByText('Showing 1–1 of 1')).toBeVisible();
  await expect(firstDataRow(page)).toContainText('Khan, "Best" Sweets');
  await page.getByLabel('Search name or e-mail').fill(tag);
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  await expect(page.getByText('Showing 1–20 of 22')).toBeVisible();

  // The export holds every page of the current filter, in its order, each field escaped.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^clients-${partner.slug}-test-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('id,name,email,status,kyc,created_at');
  expect(lines).toHaveLength(23);
  expect(lines[1]).toContain(`Zoya Foods ${tag}`);
  expect(lines[1]).toContain(',inactive,completed,');
  expect(lines.at(-1)).toContain(`Aarav Textiles ${tag}`);
  expect(csv).toContain(`"Khan, ""Best"" Sweets ${tag}"`);
  expect(lines.slice(1).every((line) => /^cli_[0-9a-z]{26},/.test(line))).toBe(true);

  // Without a session the export sends to the sign-in page and gives nothing away.
  const anonymous = await (await page.context().browser()!.newContext()).newPage();
  await anonymous.goto(partnerHostUrl(partner.slug, '/clients/export'));
  await expect(anonymous).toHaveURL(/\/login$/);
  await expect(anonymous.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await anonymous.context().close();
});

test('a client page shows the masked KYC and its owner; deactivating and reactivating need a reason and are audited', async ({ page }) => {
  await signInAsOwner(page, '/clients?sort=name&dir=asc');
  await clientsTable(page).getByRole('link', { name: `Aarav Textiles ${tag}` }).click();
  await expect(page.getByRole('heading', { name: `Aarav Textiles ${tag}`, level: 1 })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(`/clients/${firstClientId}`);

  const kyc = page.getByTestId('kyc-summary');
  await expect(kyc).toContainText('XXXX XXXX 0000');
  await expect(kyc).toContainText(/[A-Z]{2}XXXXXX[0-9A-Z]{2}/);
  await expect(kyc).toContainText('Sole proprietorship');
  await expect(page.getByTestId('client-owner')).toContainText(`client0-${tag}@example.test`);
  await expect(page.getByRole('list', { name: 'Requirements' })).toContainText('Terms accepted and signed');

  await page.getByRole('button', { name: 'Deactivate' }).click();
  const dialog = page.getByRole('dialog');
  // The reason is required before the change is sent.
  await dialog.getByRole('button', { name: 'Deactivate' }).click();
  await expect(dialog).toBeVisible();
  // Its error comes back from the server and redraws the field: type once it is there, as a person would.
  await expect(dialog.getByLabel(/Reason/)).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel(/Reason/).fill('Unpaid invoices since March');
  await dialog.getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByText(`Aarav Textiles ${tag} is deactivated.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reactivate' })).toBeVisible();
  const activity = page.getByTestId('client-activity');
  await expect(activity).toContainText('client.deactivated');
  await expect(activity).toContainText('Reason: Unpaid invoices since March');
  await expect(activity).toContainText('by Kiran Owner');
  // The onboarding steps are in the trail too.
  await expect(activity).toContainText('registration.accepted');

  await page.getByRole('button', { name: 'Reactivate' }).click();
  await page.getByRole('dialog').getByLabel(/Reason/).fill('Paid in full');
  await page.getByRole('dialog').getByRole('button', { name: 'Reactivate' }).click();
  await expect(page.getByText(`Aarav Textiles ${tag} is active again.`)).toBeVisible();
  await expect(activity).toContainText('client.activated');
  await expect(activity).toContainText('Reason: Paid in full');
  await expect(page.getByRole('button', { name: 'Deactivate' })).toBeVisible();

  // The sandbox's client is not there in live mode (the switch leaves the client's page for the list).
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page).toHaveURL(/\/clients$/);
  await expect(clientsTable(page)).not.toContainText('Aarav Textiles');
  const hidden = await page.goto(partnerHostUrl(partner.slug, `/clients/${firstClientId}`));
  expect(hidden?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('Pending registrations shows where a half-done registration stands, filters by stage, and cancels it', async ({ page }) => {
  await signInAsOwner(page, '/clients');
  await page.getByRole('link', { name: 'Pending registrations' }).click();
  const table = page.getByRole('table', { name: 'Pending registrations' });
  const row = table.getByRole('row', { name: new RegExp(`Halfway Prospect ${tag}`) });
  await expect(row).toContainText('Aadhaar');
  await expect(row).toContainText('Enter the Aadhaar number');
  await expect(row).toContainText('api');
  await expect(row).toContainText(/just now|minute/);
  await expect(row.getByRole('link', { name: /Resume/ })).toHaveAttribute('href', `/clients/new/${halfDone.id}`);

  await page.getByLabel('Stage').selectOption('verify_pan');
  await expect(page).toHaveURL(/stage=verify_pan/);
  await expect(table).toContainText('No pending registrations match.');
  await page.getByLabel('Stage').selectOption('aadhaar');
  await expect(page).toHaveURL(/stage=aadhaar/);
  await expect(row).toBeVisible();

  await row.getByRole('button', { name: /Cancel/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel registration' }).click();
  await expect(page.getByText(`The registration of Halfway Prospect ${tag} was cancelled.`)).toBeVisible();
  await expect(table).toContainText('No pending registrations match.');
  const after = await call('GET', `/registrations/${halfDone.id}`, { key: testKey });
  expect(after.json.status).toBe('cancelled');
});

test('an onboarding link is shown once, listed, and once revoked no longer opens', async ({ page }) => {
  await signInAsOwner(page, '/clients/links');
  await page.getByLabel('Name').fill(`Linked Prospect ${tag}`);
  await page.getByLabel('E-mail').fill(`linked-${tag}@example.test`);
  await page.getByLabel('Expires after (days)').fill('3');
  await page.getByLabel('Note').fill('Met at the trade fair');
  await page.getByRole('button', { name: 'Create link' }).click();
  const shown = page.getByTestId('shown-once-value');
  await expect(shown).toBeVisible();
  const url = (await shown.textContent())!.trim();
  expect(url).toMatch(new RegExp(`^http://${partner.slug}\\.localhost:\\d+/onboard/[A-Za-z0-9_-]{20,}$`));

  const table = page.getByRole('table', { name: 'Onboarding links' });
  const row = table.getByRole('row', { name: new RegExp(`Linked Prospect ${tag}`) });
  await expect(row).toContainText('active');
  await expect(row).toContainText('Met at the trade fair');
  await expect(row).toContainText('Not opened yet');
  await page.reload();
  expect(await page.content()).not.toContain(url);

  await row.getByRole('button', { name: /Revoke/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke link' }).click();
  await expect(page.getByText('Link revoked. It no longer works.')).toBeVisible();
  await expect(row).toContainText('revoked');
  await expect(row.getByRole('button', { name: /Revoke/ })).toHaveCount(0);

  // The hosted page on the partner's host refuses the revoked link.
  const hosted = await page.goto(url);
  expect(hosted?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/withdrawn|revoked|no longer/i);
  await expect(page.getByText(/can no longer be used/i)).toBeVisible();
});

test('the outbox shows the OTP e-mail in test mode, its body in a sandboxed frame, and explains itself in live mode', async ({ page }) => {
  await signInAsOwner(page, '/developers');
  await page.getByRole('link', { name: 'Outbox' }).click();
  await expect(page.getByRole('link', { name: 'Outbox' })).toHaveAttribute('aria-current', 'page');
  await page.getByLabel(/Recipient/).fill(halfDone.email);
  await page.getByLabel(/Recipient/).press('Enter');
  const table = page.getByRole('table', { name: 'Outbox' });
  const row = table.getByRole('row', { name: new RegExp(halfDone.email) }).first();
  await expect(row).toContainText('e-mail');
  await expect(row).toContainText('verification code');
  await expect(row).toContainText('otp_email');
  await expect(row).toContainText('sent');
  await expect(row).toContainText('simulator');

  await table.getByText('Show message').first().click();
  await expect(table.getByTestId('outbox-text').first()).toContainText('123456');
  const frame = table.locator('iframe').first();
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(page.frameLocator('iframe').first().getByText('123456', { exact: true })).toBeVisible();

  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('outbox-live-note')).toContainText('test-mode messages only');
});

test('the operator sees every partner’s messages in the outbox', async ({ page }) => {
  await signInAsOperator(page);
  await page.getByRole('link', { name: 'Outbox' }).click();
  await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
  await page.getByLabel(/Recipient/).fill(halfDone.email);
  await page.getByLabel(/Recipient/).press('Enter');
  await expect(page).toHaveURL(/q=halfway/);
  await expect(page.getByRole('table', { name: 'Outbox' }).getByRole('row', { name: new RegExp(halfDone.email) }).first()).toContainText(partner.slug);
});
