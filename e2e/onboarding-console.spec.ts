import { expect, test, type Page } from '@playwright/test';
import { createPartnerWithOwner, partnerHostUrl, signIn, signInAsOperator, uniqueSlug } from './support/console';
import { aadhaarNumbers, expectAccessible, gstinFor, uniqueMobile } from './support/onboarding';

test.describe.configure({ mode: 'serial' });

const partner = { slug: uniqueSlug('newcli'), name: 'New Client Telecom E2E' };
const owner = { name: 'Nina Owner', email: `nina-${partner.slug}@example.test` };
let password = '';
let testRegistrationUrl = '';

async function signInAsOwner(page: Page) {
  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await expect(page.getByRole('heading', { name: /Welcome, Nina/ })).toBeVisible();
}

async function switchToTestMode(page: Page) {
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('test-mode-banner')).toBeVisible();
}

/** Step one of the console wizard: the client's details; lands on /clients/new/<registration id>. */
async function startRegistration(page: Page, client: { name: string; email: string }) {
  await page.goto(partnerHostUrl(partner.slug, '/clients/new'));
  await expect(page.getByRole('heading', { level: 1, name: 'New client' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: "The client's details" })).toBeVisible();
  await page.getByLabel('Full name').fill(client.name);
  await page.getByLabel('E-mail').fill(client.email);
  await page.getByLabel('Mobile number').fill(uniqueMobile());
  await page.getByLabel('Password for the client').fill('client-pass-2024');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/clients\/new\/reg_[0-9a-z]+$/);
}

test('the operator creates the partner and its owner', async ({ page }) => {
  await signInAsOperator(page);
  password = await createPartnerWithOwner(page, partner, owner);
});

test('in test mode, staff take a client through every step with the sandbox codes', async ({ page }) => {
  // The whole journey, with an accessibility scan at every step: more than a minute on a busy machine.
  test.slow();
  await signInAsOwner(page);
  await switchToTestMode(page);
  await startRegistration(page, { name: 'Kiran Client', email: `kiran-${partner.slug}@example.test` });
  testRegistrationUrl = page.url();

  const hints = page.getByTestId('sandbox-hints');
  await expect(hints).toContainText('E-mail and SMS codes are always 123456');
  await expect(hints).toContainText('the four digits are 0000');
  await expect(page.getByRole('heading', { level: 2, name: 'Verify the e-mail and mobile' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Code sent by e-mail').fill('123456');
  await page.getByLabel('Code sent by SMS').fill('654321');
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  // The e-mail code was right and is kept as verified; only the SMS code is asked for again.
  await expect(page.locator('#mobile_otp-error')).toHaveText('That code is not right. 4 attempts left.');
  await expect(page.getByText(/E-mail \S+ verified$/)).toBeVisible();
  await page.getByLabel('Code sent by SMS').fill('123456');
  await page.getByRole('button', { name: 'Verify', exact: true }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Business PAN' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Type of business').selectOption('company');
  // The simulator refuses a PAN whose digits are 0000: the reason shows next to the field.
  await page.getByRole('textbox', { name: 'PAN', exact: true }).fill('ABCCE0000F');
  await page.getByRole('button', { name: 'Verify PAN' }).click();
  await expect(page.locator('#pan-error')).toHaveText('No PAN with this number exists in the Income Tax records.');
  await page.getByRole('textbox', { name: 'PAN', exact: true }).fill('ABCCE1234F');
  await page.getByRole('button', { name: 'Verify PAN' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Verify Aadhaar' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('textbox', { name: 'Aadhaar number', exact: true }).fill(aadhaarNumbers('62345678901').valid);
  await page.getByRole('button', { name: 'Send OTP' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Enter the Aadhaar OTP' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('textbox', { name: 'Aadhaar OTP', exact: true }).fill('123456');
  await page.getByRole('button', { name: 'Verify Aadhaar' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'GST registration' })).toBeVisible();
  await expectAccessible(page);
  // "No GSTIN" without a reason is refused beside the reason, and the choice stays as it was made.
  await page.getByLabel('I have no GSTIN').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#reason-error')).toContainText('Say why there is no GSTIN');
  await expect(page.getByLabel('I have no GSTIN')).toBeChecked();
  await page.getByLabel('Yes, I have a GSTIN').check();
  await page.getByRole('textbox', { name: 'GSTIN', exact: true }).fill(gstinFor('ABCCE1234F'));
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Review and sign' })).toBeVisible();
  await expectAccessible(page);
  // The keyboard way to sign: the typed name is drawn onto the signature canvas.
  await page.getByLabel('Or type your name to sign').fill('Kiran Client');
  await expect(page.getByRole('img', { name: 'Your signature' })).toBeVisible();
  await page.getByRole('button', { name: 'Accept and create the client' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Client created' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the client' })).toHaveAttribute('href', /^\/clients\/cli_[0-9a-z]+$/);
  await expectAccessible(page);
});

test('an error about one field keeps what was typed in the others, the password included', async ({ page }) => {
  await signInAsOwner(page);
  await switchToTestMode(page);
  await page.goto(partnerHostUrl(partner.slug, '/clients/new'));
  await page.getByLabel('Full name').fill('Keya Kept');
  await page.getByLabel('E-mail').fill('not-an-address');
  await page.getByLabel('Mobile number').fill(uniqueMobile());
  await page.getByLabel('Password for the client').fill('client-pass-2024');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#email-error')).toHaveText('Enter a valid e-mail address.');
  await expect(page.getByLabel('Password for the client')).toHaveValue('client-pass-2024');
  await expect(page.getByLabel('Full name')).toHaveValue('Keya Kept');
  await page.getByLabel('E-mail').fill(`keya-${partner.slug}@example.test`);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/clients\/new\/reg_[0-9a-z]+$/);
});

test('in test mode, a resumed registration lands on its step, waits for a slow check, and simulated KYC completes it', async ({ page }) => {
  await signInAsOwner(page);
  await switchToTestMode(page);
  await startRegistration(page, { name: 'Sima Simulated', email: `sima-${partner.slug}@example.test` });
  // Leaving and coming back (as the Pending list's link does) resumes at the step the registration is at.
  const resumeUrl = page.url();
  await page.goto(partnerHostUrl(partner.slug, '/'));
  await page.goto(resumeUrl);
  await expect(page.getByRole('heading', { level: 2, name: 'Verify the e-mail and mobile' })).toBeVisible();
  await page.getByLabel('Code sent by e-mail').fill('123456');
  await page.getByLabel('Code sent by SMS').fill('123456');
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  // A PAN whose digits are 9999 keeps the simulator's records service "slow": the wizard waits on the PAN step.
  await page.getByLabel('Type of business').selectOption('proprietorship');
  await page.getByRole('textbox', { name: 'PAN', exact: true }).fill('ABCPE9999F');
  await page.getByRole('button', { name: 'Verify PAN' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Checking the PAN' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Onboarding progress' }).locator('[aria-current="step"]')).toContainText('PAN');
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Checking the PAN' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Complete with simulated KYC' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Client created' })).toBeVisible();
  await expect(page.getByText('Sima Simulated is a test client in your sandbox.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the client' })).toHaveAttribute('href', /^\/clients\/cli_/);
});

test('in live mode there are no sandbox hints, and a test registration does not exist', async ({ page }) => {
  await signInAsOwner(page);
  await page.goto(partnerHostUrl(partner.slug, '/clients/new'));
  await expect(page.getByRole('heading', { level: 2, name: "The client's details" })).toBeVisible();
  await expect(page.getByTestId('sandbox-hints')).toHaveCount(0);
  await expectAccessible(page);
  const response = await page.goto(testRegistrationUrl);
  expect(response?.status()).toBe(404);
});
