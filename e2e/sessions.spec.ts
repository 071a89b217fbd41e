import { expect, test, type Browser, type Page } from '@playwright/test';
import { partnerHostUrl, platformUrl, signIn, signInAsOperator, signInFirstTime, uniqueSlug } from './support/console';
import { operator } from './support/server-env';

test.describe.configure({ mode: 'serial' });

const partner = { slug: uniqueSlug('sessions'), name: 'Sessions Telecom' };
const owner = { name: 'Sana Owner', email: `sana-${partner.slug}@example.test` };
let password = '';

async function signedInPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await expect(page.getByRole('heading', { name: /Welcome, Sana/ })).toBeVisible();
  return page;
}

/** The newest reset link e-mailed to an address, read from the platform's outbox as the operator sees it. */
async function resetLinkFromOutbox(operatorPage: Page, email: string): Promise<string> {
  await operatorPage.goto(platformUrl('/admin/outbox'));
  const message = operatorPage.locator('details').filter({ hasText: `to ${email} at` }).first();
  const text = (await message.getByTestId('outbox-text').textContent()) ?? '';
  const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/.exec(text)?.[0];
  expect(link, `a reset link sent to ${email}`).toBeTruthy();
  return link!;
}

test('a new owner must replace the temporary password before anything else', async ({ page, browser }) => {
  await signInAsOperator(page);
  await page.goto(platformUrl('/admin/partners/new'));
  await page.getByLabel('Name').fill(partner.name);
  await page.getByLabel('Slug').fill(partner.slug);
  await page.getByRole('button', { name: 'Create partner' }).click();
  await page.getByLabel("Owner's name").fill(owner.name);
  await page.getByLabel("Owner's e-mail").fill(owner.email);
  await page.getByLabel('How they get access').selectOption('password');
  await page.getByRole('button', { name: 'Create owner' }).click();
  const temporary = (await page.getByTestId('shown-once-value').textContent())!.trim();

  const ownerPage = await (await browser.newContext()).newPage();
  await signIn(ownerPage, partnerHostUrl(partner.slug, '/login'), owner.email, temporary);
  await expect(ownerPage.getByRole('heading', { name: 'Choose your own password' })).toBeVisible();
  await expect(ownerPage.getByText(/signed in to Sessions Telecom with a temporary password/)).toBeVisible();
  // No console page opens until it is done.
  await ownerPage.goto(partnerHostUrl(partner.slug, '/clients'));
  await expect(ownerPage).toHaveURL(/\/password$/);
  // The temporary password cannot be kept.
  await ownerPage.locator('input[name="password"]').fill(temporary);
  await ownerPage.locator('input[name="password_confirmation"]').fill(temporary);
  await ownerPage.getByRole('button', { name: 'Save password' }).click();
  await expect(ownerPage.getByText('Choose a password other than the temporary one you were given.')).toBeVisible();

  password = `own-${temporary}`;
  await ownerPage.locator('input[name="password"]').fill(password);
  await ownerPage.locator('input[name="password_confirmation"]').fill(password);
  await ownerPage.getByRole('button', { name: 'Save password' }).click();
  await expect(ownerPage.getByRole('heading', { name: /Welcome, Sana/ })).toBeVisible();
  await ownerPage.goto(partnerHostUrl(partner.slug, '/clients'));
  await expect(ownerPage).toHaveURL(/\/clients$/);
});

test('signing out ends the session itself: a copy of its cookie stops working too', async ({ browser }) => {
  const page = await signedInPage(browser);
  const cookies = await page.context().cookies();
  const sessionJson = (p: Page) => p.evaluate(() => fetch('/api/auth/session').then((r) => r.json() as Promise<unknown>));
  expect(await sessionJson(page)).toMatchObject({ user: { email: owner.email } });
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);

  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  const copyPage = await copy.newPage();
  await copyPage.goto(partnerHostUrl(partner.slug, '/'));
  await expect(copyPage).toHaveURL(/\/login$/);
  await expect(copyPage.getByRole('heading', { name: /Sign in to/ })).toBeVisible();
  // Auth.js's own session endpoint does not vouch for it either.
  expect(await sessionJson(copyPage)).toBeNull();
});

test('"Sign out everywhere" on Settings ends the session in another browser at once', async ({ browser }) => {
  const laptop = await signedInPage(browser);
  const phone = await signedInPage(browser);

  await laptop.goto(partnerHostUrl(partner.slug, '/settings'));
  await laptop.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(laptop).toHaveURL(/\/login$/);

  await phone.goto(partnerHostUrl(partner.slug, '/clients'));
  await expect(phone).toHaveURL(/\/login$/);
  await expect(phone.getByRole('heading', { name: /Sign in to/ })).toBeVisible();
});

test('a password reset and a role change on the Team page end the colleague’s sessions at once', async ({ browser }) => {
  const ownerPage = await signedInPage(browser);
  await ownerPage.goto(partnerHostUrl(partner.slug, '/team'));
  const colleague = { name: 'Cyrus Colleague', email: `cyrus-${partner.slug}@example.test` };
  await ownerPage.getByLabel('Name').fill(colleague.name);
  await ownerPage.getByLabel('E-mail').fill(colleague.email);
  await ownerPage.getByLabel('How they get access').selectOption('password');
  await ownerPage.getByRole('button', { name: 'Add member' }).click();
  const temporary = (await ownerPage.getByTestId('shown-once-value').textContent())!.trim();

  const colleaguePage = await (await browser.newContext()).newPage();
  const own = await signInFirstTime(colleaguePage, partnerHostUrl(partner.slug, '/login'), colleague.email, temporary);
  await expect(colleaguePage.getByRole('heading', { name: /Welcome, Cyrus/ })).toBeVisible();

  await ownerPage.reload();
  const row = ownerPage.getByTestId(`member-${colleague.email}`);
  await row.getByRole('button', { name: 'Reset password' }).click();
  await expect(row.getByTestId('shown-once-value')).toBeVisible();
  await colleaguePage.goto(partnerHostUrl(partner.slug, '/clients'));
  await expect(colleaguePage).toHaveURL(/\/login$/);
  // The old password is gone; the new temporary one leads to choosing one's own again.
  const again = await signInFirstTime(colleaguePage, partnerHostUrl(partner.slug, '/login'), colleague.email, (await row.getByTestId('shown-once-value').textContent())!.trim());
  expect(again).not.toBe(own);

  await ownerPage.reload();
  await ownerPage.getByTestId(`member-${colleague.email}`).getByLabel(`Role of ${colleague.name}`).selectOption('admin');
  await ownerPage.getByTestId(`member-${colleague.email}`).getByRole('button', { name: 'Change' }).click();
  await expect(ownerPage.getByText('Role changed.')).toBeVisible();
  await colleaguePage.goto(partnerHostUrl(partner.slug, '/clients'));
  await expect(colleaguePage).toHaveURL(/\/login$/);
});

test('forgot password: a branded link by e-mail, once, and it signs out everywhere', async ({ page, browser }) => {
  const elsewhere = await signedInPage(browser);

  const person = await (await browser.newContext()).newPage();
  await person.goto(partnerHostUrl(partner.slug, '/login'));
  await person.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(person.getByRole('heading', { name: 'Forgot your Sessions Telecom password?' })).toBeVisible();
  await person.getByLabel('E-mail').fill(owner.email);
  await person.getByRole('button', { name: 'Send me a reset link' }).click();
  const answer = person.getByRole('status').filter({ hasText: 'If an account uses that address' });
  await expect(answer).toBeVisible();

  // An address with no account gets the very same answer.
  await person.reload();
  await person.getByLabel('E-mail').fill(`nobody-${partner.slug}@example.test`);
  await person.getByRole('button', { name: 'Send me a reset link' }).click();
  await expect(person.getByRole('status').filter({ hasText: 'If an account uses that address' })).toBeVisible();

  await signInAsOperator(page);
  const link = await resetLinkFromOutbox(page, owner.email);
  expect(link).toContain(`//${partner.slug}.localhost:`);
  const mail = page.locator('details').filter({ hasText: `to ${owner.email} at` }).first();
  // In the partner's brand: its name, never the platform's.
  await expect(mail.getByTestId('outbox-text')).toContainText(/reset your password/i);
  await expect(mail.getByTestId('outbox-text')).toContainText('Sessions Telecom');
  await expect(mail.getByTestId('outbox-text')).not.toContainText('Switchboard');
  await expect(page.locator('details').filter({ hasText: `to nobody-${partner.slug}@example.test at` })).toHaveCount(0);

  await person.goto(link);
  await expect(person.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  const fresh = `reset-${password}`;
  await person.locator('input[name="password"]').fill(fresh);
  await person.locator('input[name="password_confirmation"]').fill(fresh);
  await person.getByRole('button', { name: 'Save password' }).click();
  await expect(person).toHaveURL(/\/login\?reset=1$/);
  await expect(person.getByText('Your password is set. Sign in to continue.')).toBeVisible();

  // The session opened before the reset has ended; the old password no longer works, the new one does.
  await elsewhere.goto(partnerHostUrl(partner.slug, '/clients'));
  await expect(elsewhere).toHaveURL(/\/login$/);
  await signIn(person, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await expect(person.getByText('The e-mail address or password is incorrect.')).toBeVisible();
  password = fresh;
  await signIn(person, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await expect(person.getByRole('heading', { name: /Welcome, Sana/ })).toBeVisible();

  // The link worked once.
  await person.goto(link);
  await expect(person.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
});

test('an operator resets a forgotten password through a link in the platform’s name', async ({ page, browser }) => {
  await signInAsOperator(page);
  const operatorPage = await (await browser.newContext()).newPage();
  await operatorPage.goto(platformUrl('/admin/login'));
  await operatorPage.getByRole('link', { name: 'Forgot your password?' }).click();
  await operatorPage.getByLabel('E-mail').fill(operator.email);
  await operatorPage.getByRole('button', { name: 'Send me a reset link' }).click();
  await expect(operatorPage.getByRole('status').filter({ hasText: 'If an account uses that address' })).toBeVisible();
  const link = await resetLinkFromOutbox(page, operator.email);
  expect(link).toMatch(/^http:\/\/localhost:\d+\/admin\/reset-password\//);
  // Opening it is enough to see it is live; resetting the shared operator's password would upset other tests.
  await operatorPage.goto(link);
  await expect(operatorPage.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
});
