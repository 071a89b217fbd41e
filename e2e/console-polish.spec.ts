import { expect, test, type Page } from '@playwright/test';
import { OperatorConsole } from './api/support/operator';
import { seedClients, sharedDatabase } from './api/support/shared-database';
import { createPartnerWithOwner, partnerHostUrl, platformUrl, signIn, uniqueSlug } from './support/console';
import { expectAccessible, uniqueMobile } from './support/onboarding';

test.describe.configure({ mode: 'serial' });

const partner = { slug: uniqueSlug('polish'), name: 'Polish Telecom E2E' };
const owner = { name: 'Pia Owner', email: `pia-${partner.slug}@example.test` };
let password = '';
let partnerId = '';
let testKey = '';

async function signInAsOwner(page: Page) {
  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await expect(page.getByRole('heading', { name: /Welcome, Pia/ })).toBeVisible();
}

async function switchToTestMode(page: Page) {
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('test-mode-banner')).toBeVisible();
}

/** The text of the newest message to this address in an outbox page (the operator's or a console's test mode). */
async function newestMessageTo(page: Page, url: string, recipient: string) {
  await page.goto(url);
  const message = page.locator('details').filter({ hasText: `to ${recipient} at` }).first();
  await message.locator('summary').click();
  return (await message.getByTestId('outbox-text').textContent()) ?? '';
}

/** A test client made through the API: registered, then completed with simulated KYC. */
async function testClientThroughApi(name: string) {
  const call = async (path: string, body: unknown) => {
    const response = await fetch(platformUrl(`/api/v1${path}`), { method: 'POST', headers: { Authorization: `Bearer ${testKey}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const json = (await response.json()) as { id?: string; client_id?: string };
    expect(response.ok, JSON.stringify(json)).toBe(true);
    return json;
  };
  const registration = await call('/registrations', { name, email: `${name.split(' ')[0]!.toLowerCase()}-${partner.slug}@example.test`, mobile: uniqueMobile(), password: 'client-pass-2024' });
  const done = await call(`/registrations/${registration.id}/simulate_kyc`, {});
  return done.client_id!;
}

test('the operator creates the partner, its owner and a test key', async ({ browser }) => {
  const operator = await OperatorConsole.open(browser);
  password = await createPartnerWithOwner(operator.page, partner, owner);
  partnerId = new URL(operator.page.url()).pathname.split('/').pop()!;
  testKey = await operator.createApiKey(partnerId, { name: 'Polish test', mode: 'test', scopes: ['onboarding:write'] });
  await operator.close();
});

test('deactivating a client without a reason shows the error inline, keeps the dialog open, and marks the reason required', async ({ page }) => {
  const clientId = await testClientThroughApi('Dina Dialog');
  await signInAsOwner(page);
  await switchToTestMode(page);
  await page.goto(partnerHostUrl(partner.slug, `/clients/${clientId}`));
  await page.getByRole('button', { name: 'Deactivate' }).click();
  const dialog = page.getByRole('dialog');
  const reason = dialog.getByRole('textbox', { name: /Reason/ });
  await expect(reason).toHaveAttribute('aria-required', 'true');
  await expect(dialog.getByText('*')).toBeVisible();
  await dialog.getByRole('button', { name: 'Deactivate' }).click();
  // No browser bubble: the form is not blocked, the server's message stands beside the field.
  await expect(dialog.locator('#reason-error')).toHaveText('Give a reason of at least 3 characters.');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await reason.fill('Payment overdue');
  await dialog.getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByText('Dina Dialog is deactivated.')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('an onboarding link is e-mailed to the prospect in the partner’s brand, and can still be copied', async ({ page }) => {
  await signInAsOwner(page);
  await switchToTestMode(page);
  await page.goto(partnerHostUrl(partner.slug, '/clients/links'));
  const prospect = `lina-${partner.slug}@example.test`;
  await page.getByLabel('Name').fill('Lina Link');
  await page.getByLabel('E-mail').fill(prospect);
  await page.getByRole('button', { name: 'Create link' }).click();
  const box = page.getByTestId('shown-once');
  await expect(box).toContainText(`Link e-mailed to ${prospect}`);
  await expect(box.getByRole('button', { name: /Copy/ })).toBeVisible();
  const url = (await page.getByTestId('shown-once-value').textContent())!.trim();

  const text = await newestMessageTo(page, partnerHostUrl(partner.slug, '/developers/outbox'), prospect);
  expect(text).toContain(url);
  expect(text).toContain('Hello Lina Link');
  expect(text).not.toMatch(/switchboard/i);
});

test('a team invitation is e-mailed, and the link can still be copied', async ({ browser, page }) => {
  await signInAsOwner(page);
  await page.goto(partnerHostUrl(partner.slug, '/team'));
  const invitee = `ivan-${partner.slug}@example.test`;
  await page.getByLabel('Name').fill('Ivan Invitee');
  await page.getByLabel('E-mail').fill(invitee);
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByText(`the invitation was e-mailed to ${invitee}`)).toBeVisible();
  const link = (await page.getByTestId('shown-once-value').textContent())!.trim();
  expect(link).toContain('/invite/');

  // A live partner's mail (no mail server here) waits in the platform's outbox.
  const operator = await OperatorConsole.open(browser);
  const text = await newestMessageTo(operator.page, platformUrl('/admin/outbox'), invitee);
  await operator.close();
  expect(text).toContain(new URL(link).pathname);
  expect(text).toContain('Accept the invitation');
});

test('the promo-code form keeps its fields and button on one row, with no empty column', async ({ page }) => {
  await signInAsOwner(page);
  await page.goto(partnerHostUrl(partner.slug, '/settings'));
  const fields = page.getByTestId('promo-code-fields');
  const code = await fields.getByLabel('Code').boundingBox();
  const button = await fields.getByRole('button', { name: 'Add code' }).boundingBox();
  const form = await fields.boundingBox();
  expect(code && button && form).toBeTruthy();
  // The first field starts where the form starts, and the button is on the fields' row.
  expect(Math.abs(code!.x - form!.x)).toBeLessThan(2);
  const buttonMiddle = button!.y + button!.height / 2;
  expect(buttonMiddle).toBeGreaterThan(code!.y);
  expect(buttonMiddle).toBeLessThan(code!.y + code!.height);
});

test('the webhook secret panel does not contradict itself, and lists page with Previous and Next', async ({ page }) => {
  await signInAsOwner(page);
  await switchToTestMode(page);
  await page.goto(partnerHostUrl(partner.slug, '/developers/webhooks'));
  // A sandbox may target this machine (the e2e server allows private targets); nothing needs to listen there.
  await page.getByLabel('Endpoint URL').fill('http://127.0.0.1:9/polish');
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const box = page.getByTestId('shown-once');
  await expect(box).toContainText('reveal it again');
  await expect(box).not.toContainText('will not be shown again');

  for (const path of ['/clients', '/developers/audit']) {
    await page.goto(partnerHostUrl(partner.slug, path));
    const pagination = page.getByRole('navigation', { name: 'Pagination' });
    await expect(pagination.getByRole('button', { name: 'Previous' })).toBeVisible();
    await expect(pagination.getByRole('button', { name: 'Next' })).toBeVisible();
    await expect(pagination.getByRole('button', { name: /Newer|Older/ })).toHaveCount(0);
  }
});

test('on the operator’s partner page, the scope boxes line up in two columns', async ({ browser }) => {
  const operator = await OperatorConsole.open(browser);
  // Every resource's read box sits at the same x, and every write box too, whatever the description's length.
  await operator.page.goto(platformUrl(`/admin/partners/${partnerId}`));
  const scopes = operator.page.getByRole('group', { name: 'Scopes' });
  for (const access of ['read', 'write']) {
    const xs = await scopes.getByRole('checkbox', { name: new RegExp(`:${access}$`) }).evaluateAll((boxes) => boxes.map((box) => Math.round(box.getBoundingClientRect().left)));
    expect(xs.length).toBeGreaterThan(1);
    expect(new Set(xs).size, `${access} boxes at ${xs.join(', ')}`).toBe(1);
  }
  await operator.close();
});

test('a pending client’s page offers its next step: start onboarding, e-mail a link, then continue', async ({ page }) => {
  test.skip(!sharedDatabase, 'a pending client (added before onboarding) can only be written with DATABASE_URL');
  const [clientId] = await seedClients(partnerId, 1, 'pending');
  await signInAsOwner(page);
  await page.goto(partnerHostUrl(partner.slug, `/clients/${clientId}`));
  const next = page.getByTestId('client-next-step');
  await next.getByRole('button', { name: /E-mail an onboarding link to/ }).click();
  await expect(next.getByTestId('shown-once')).toContainText('Link e-mailed to');
  await expectAccessible(page);

  await next.getByRole('link', { name: 'Start onboarding' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New client' })).toBeVisible();
  await expect(page.getByLabel('Full name')).toHaveValue(/^E2E client /);
  await expect(page.getByLabel('E-mail')).toHaveValue(/^client-.+@example\.test$/);
  await page.getByLabel('Mobile number').fill(uniqueMobile());
  await page.getByLabel('Password for the client').fill('client-pass-2024');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/clients\/new\/reg_[0-9a-z]+$/);
  const registrationPath = new URL(page.url()).pathname;

  await page.goto(partnerHostUrl(partner.slug, `/clients/${clientId}`));
  await expect(page.getByTestId('client-next-step')).toContainText('Enter the codes sent by e-mail and SMS');
  await expect(page.getByRole('link', { name: 'Continue onboarding' })).toHaveAttribute('href', registrationPath);
});
