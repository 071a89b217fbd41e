import { expect, test, type Browser, type Page } from '@playwright/test';
import { partnerIdBySlug, seedClientWithOwner, sharedDatabase } from './api/support/shared-database';
import { createPartnerWithOwner, partnerHostUrl, platformUrl, signIn, signInAsOperator, uniqueSlug } from './support/console';
import { expectAccessible, uniqueMobile } from './support/onboarding';

test.describe.configure({ mode: 'serial' });

const partner = { slug: uniqueSlug('wlabel'), name: 'Whitelabel Voice E2E' };
const owner = { name: 'Wanda Owner', email: `wanda-${partner.slug}@example.test` };
let ownerPassword = '';
let operatorPage: Page;

async function newPage(browser: Browser, phone = false) {
  const context = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {});
  return context.newPage();
}

/** The newest outbox message to an address, as the operator reads it: its text and the HTML frame's text. */
async function newestMailTo(recipient: string) {
  await operatorPage.goto(platformUrl('/admin/outbox'));
  const message = operatorPage.locator('details').filter({ hasText: `to ${recipient} at` }).first();
  await message.locator('summary').click();
  const text = (await message.getByTestId('outbox-text').textContent()) ?? '';
  const frame = message.locator('iframe');
  await expect(frame).toHaveAttribute('sandbox', '');
  const html = (await frame.getAttribute('srcdoc')) ?? '';
  return { text, html };
}

test.beforeAll(async ({ browser }) => {
  operatorPage = await newPage(browser);
  await signInAsOperator(operatorPage);
  ownerPassword = await createPartnerWithOwner(operatorPage, partner, owner);
});

test('a partner edits the OTP template; a new registration’s code e-mail carries it, in the partner’s brand', async ({ page }) => {
  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, ownerPassword);
  await expect(page.getByRole('heading', { name: /Welcome, Wanda/ })).toBeVisible();
  await page.getByRole('link', { name: 'E-mails' }).click();
  await page.getByRole('link', { name: 'Verification code' }).click();
  await expect(page.getByTestId('template-variables')).toContainText('{{otp.code}}');

  const preview = page.getByTestId('template-preview');
  await expect(preview).toHaveAttribute('sandbox', '');
  await page.getByLabel('Heading').fill('Nearly there, {{recipient.name}} <img src=x onerror=alert(1)>');
  await page.getByLabel('Message').fill('Your code for {{partner.product_name}} is below. It lasts {{otp.expires_in_minutes}} minutes.\n\nTypo: {{otp.cod}}');
  // The live check finds the unknown variable before anything is saved, and says where.
  await expect(page.locator('#body-error')).toHaveText('Line 3, column 7: Unknown variable {{otp.cod}}.');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.locator('#body-error')).toHaveText('Line 3, column 7: Unknown variable {{otp.cod}}.');

  await page.getByLabel('Message').fill('Your code for {{partner.product_name}} is below. It lasts {{otp.expires_in_minutes}} minutes.');
  await expect(page.locator('#body-error')).toBeHidden();
  // The preview is the real rendering with sample values, the markup in the heading shown as text.
  await expect(preview.contentFrame().getByRole('heading', { level: 1 })).toHaveText('Nearly there, Priya Sharma <img src=x onerror=alert(1)>');
  await expect(preview.contentFrame().locator('img[src="x"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('Template saved.')).toBeVisible();

  await page.getByRole('button', { name: 'Send me a test' }).click();
  await expect(page.getByText(`Test e-mail sent to ${owner.email}.`)).toBeVisible();

  // A new (live) registration started from the console: its code goes out with the new wording.
  const prospect = `otp-${partner.slug}@example.test`;
  await page.goto(partnerHostUrl(partner.slug, '/clients/new'));
  await page.getByLabel('Full name').fill('Priti Prospect');
  await page.getByLabel('E-mail').fill(prospect);
  await page.getByLabel('Mobile number').fill(uniqueMobile());
  await page.getByLabel('Password for the client').fill('client-pass-2024');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/clients\/new\/reg_[0-9a-z]+$/);

  const mail = await newestMailTo(prospect);
  expect(mail.text).toContain(`Your code for ${partner.name} is below. It lasts 10 minutes.`);
  expect(mail.text).toMatch(/\b\d{6}\b/);
  expect(mail.html).toContain('Nearly there, Priti Prospect &lt;img src=x onerror=alert(1)&gt;');
  expect(mail.html).toContain(partner.name);
  expect(mail.html.toLowerCase()).not.toContain('switchboard');
});

test('a client owner invites a member, who joins, sees only their own client, and is signed out when removed', async ({ browser }) => {
  test.skip(!sharedDatabase, 'Clients with owners are seeded straight into the server’s PostgreSQL (DATABASE_URL).');
  test.slow();
  const partnerId = await partnerIdBySlug(partner.slug);
  const a = await seedClientWithOwner(partnerId, { name: 'Alpha Traders', owner: { name: 'Asha Owner', email: `asha-${partner.slug}@example.test`, password: 'client-pass-2024' } });
  const b = await seedClientWithOwner(partnerId, { name: 'Bravo Secret Industries', owner: { name: 'Bo Owner', email: `bo-${partner.slug}@example.test`, password: 'client-pass-2024' } });

  const ownerPage = await newPage(browser, true);
  await signIn(ownerPage, partnerHostUrl(partner.slug, '/login'), a.ownerEmail, 'client-pass-2024');
  await expect(ownerPage.getByRole('heading', { level: 1, name: 'Alpha Traders' })).toBeVisible();
  await ownerPage.getByRole('link', { name: 'Members' }).click();
  await expect(ownerPage.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await expectAccessible(ownerPage);
  const memberEmail = `mika-${partner.slug}@example.test`;
  await ownerPage.getByLabel('Name').fill('Mika Member');
  await ownerPage.getByLabel('E-mail').fill(memberEmail);
  await ownerPage.getByRole('button', { name: 'Send invitation' }).click();
  await expect(ownerPage.getByText(`Invitation sent to ${memberEmail}.`)).toBeVisible();
  await expect(ownerPage.getByTestId(`client-member-${memberEmail}`)).toContainText('Invited');

  const invitation = await newestMailTo(memberEmail);
  expect(invitation.html).toContain(partner.name);
  const link = /https?:\/\/\S+\/join\/[A-Za-z0-9_-]+/.exec(invitation.text)?.[0];
  expect(link, invitation.text).toBeTruthy();

  const memberPage = await newPage(browser, true);
  await memberPage.goto(link!);
  await expect(memberPage.getByRole('heading', { name: 'Join Alpha Traders' })).toBeVisible();
  await memberPage.getByLabel('Password').fill('member-pass-2024');
  await memberPage.getByRole('button', { name: 'Join' }).click();
  await expect(memberPage.getByText('Your password is set. Sign in to continue.')).toBeVisible();
  await signIn(memberPage, partnerHostUrl(partner.slug, '/login'), memberEmail, 'member-pass-2024');
  await expect(memberPage.getByRole('heading', { level: 1, name: 'Alpha Traders' })).toBeVisible();
  await expectAccessible(memberPage);
  for (const path of ['/account/wallet', '/account/members']) {
    await memberPage.goto(partnerHostUrl(partner.slug, path));
    await expect(memberPage.locator('main')).not.toContainText('Bravo Secret Industries');
    await expectAccessible(memberPage);
  }
  // A member reads the list but manages nothing.
  await expect(memberPage.getByRole('button', { name: 'Send invitation' })).toHaveCount(0);
  // Another client's pages are the partner console's, not the portal's: a member is sent back to the portal.
  await memberPage.goto(partnerHostUrl(partner.slug, `/clients/${b.clientId}/members`));
  await expect(memberPage).toHaveURL(partnerHostUrl(partner.slug, '/account'));
  const csv = await memberPage.evaluate(async () => (await fetch('/account/wallet/export')).text());
  expect(csv).toContain('created_at');
  expect(csv).not.toContain(b.clientId);

  // The owner removes the member: the member's open session ends at once.
  await ownerPage.reload();
  const row = ownerPage.getByTestId(`client-member-${memberEmail}`);
  await row.getByRole('button', { name: 'Remove' }).click();
  await ownerPage.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(ownerPage.getByText('Member removed.')).toBeVisible();
  await memberPage.goto(partnerHostUrl(partner.slug, '/account'));
  await expect(memberPage).toHaveURL(/\/login$/);
});

