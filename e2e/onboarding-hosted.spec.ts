import { expect, test, type Page } from '@playwright/test';
import { OperatorConsole } from './api/support/operator';
import { createPartnerWithOwner, partnerHostUrl, signIn, uniqueSlug } from './support/console';
import { aadhaarNumbers, createOnboardingLink, drawSignature, expectAccessible, gstinFor, readOtpCodesFromOutbox, revokeOnboardingLink, uniqueMobile } from './support/onboarding';

test.describe.configure({ mode: 'serial' });
// The prospect is on a phone.
test.use({ viewport: { width: 390, height: 844 } });

const partner = { slug: uniqueSlug('onb'), name: 'Onboard Telecom E2E' };
const owner = { name: 'Omar Owner', email: `omar-${partner.slug}@example.test` };
const brand = { productName: `Nimbus Voice ${partner.slug.slice(-4)}`, primary: '#0f766e', primaryRgb: 'rgb(15, 118, 110)' };
const keys = { test: '', live: '' };
let otherSlug = '';

/** Every step: the partner's brand (never the platform's), "Step n of 6", one h1, no serious a11y violations. */
async function expectStep(page: Page, step: number, title: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText(`Step ${step} of 6`)).toBeVisible();
  await expectBranded(page);
  await expect(page.locator('main form button[type="submit"]').first()).toHaveCSS('background-color', brand.primaryRgb);
  await expectAccessible(page);
}

async function expectBranded(page: Page) {
  await expect(page.getByTestId('product-name')).toHaveText(brand.productName);
  await expect(page).toHaveTitle(new RegExp(brand.productName));
  await expect(page.locator('main header .bg-brand').first()).toHaveCSS('background-color', brand.primaryRgb);
  expect(await page.locator('body').innerText()).not.toMatch(/switchboard/i);
}

test('the operator sets up a partner with an owner, a brand and API keys', async ({ browser, page }) => {
  const operator = await OperatorConsole.open(browser);
  const password = await createPartnerWithOwner(operator.page, partner, owner);
  const partnerId = new URL(operator.page.url()).pathname.split('/').pop()!;
  keys.test = await operator.createApiKey(partnerId, { name: 'Onboarding test', mode: 'test', scopes: ['onboarding:write'] });
  keys.live = await operator.createApiKey(partnerId, { name: 'Onboarding live', mode: 'live', scopes: ['onboarding:write'] });
  otherSlug = (await operator.createPartner('onbother')).slug;
  await operator.close();

  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await expect(page.getByRole('heading', { name: /Welcome, Omar/ })).toBeVisible();
  await page.goto(partnerHostUrl(partner.slug, '/branding'));
  await page.getByLabel('Product name').fill(brand.productName);
  await page.getByRole('textbox', { name: 'Primary colour', exact: true }).fill(brand.primary);
  await page.getByRole('button', { name: 'Save branding' }).click();
  await expect(page.getByText('Branding saved.')).toBeVisible();
});

test('a prospect opens a test link on a phone and completes every step in the partner’s brand', async ({ page }) => {
  // The whole journey, with an accessibility scan at every step: more than a minute on a busy machine.
  test.slow();
  const prospect = { name: 'Priya Prospect', email: `priya-${partner.slug}@example.test`, mobile: uniqueMobile(), password: 'prospect-pass-42' };
  const pan = 'KLMPS2468T';
  const aadhaar = aadhaarNumbers('52345678901');
  const link = await createOnboardingLink(keys.test, { name: prospect.name, email: prospect.email });
  expect(new URL(link.url).host).toBe(new URL(partnerHostUrl(partner.slug)).host);

  // 1. Details, prefilled from the link. A weak password is refused next to its field; nothing else is lost.
  await page.goto(link.url);
  await expectStep(page, 1, 'Open your account');
  await expect(page.getByTestId('test-mode-banner')).toBeVisible();
  await expect(page.getByLabel('Your full name')).toHaveValue(prospect.name);
  await expect(page.getByLabel('E-mail')).toHaveValue(prospect.email);
  await expect(page.getByLabel('Country code')).toHaveValue('+91');
  await page.getByLabel('Mobile number').fill(prospect.mobile);
  await page.getByLabel('Choose a password').fill('short');
  await page.getByRole('button', { name: 'Continue' }).click();
  const password = page.getByLabel('Choose a password');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toBeFocused();
  await expect(page.getByLabel('Mobile number')).toHaveValue(prospect.mobile);
  await expect(page.getByLabel('Your full name')).toHaveValue(prospect.name);
  await expectAccessible(page);
  await password.fill(prospect.password);
  await page.getByRole('button', { name: 'Continue' }).click();

  // 2. The codes: wrong ones are refused per field; the resend buttons wait out the minute.
  await expectStep(page, 2, 'Verify your e-mail and mobile');
  await expect(page.getByRole('button', { name: /New e-mail code in \d+ s/ })).toBeDisabled();
  const emailCode = page.getByLabel('Code sent by e-mail');
  await expect(emailCode).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(emailCode).toHaveAttribute('inputmode', 'numeric');
  await emailCode.fill('000000');
  await page.getByLabel('Code sent by SMS').fill('000000');
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.locator('#email_otp-error')).toHaveText('That code is not right. 4 attempts left.');
  await expect(page.locator('#mobile_otp-error')).toHaveText('That code is not right. 4 attempts left.');
  await expect(emailCode).toBeFocused();
  await expect(emailCode).toHaveValue('');
  await expectAccessible(page);
  // Closing the tab and coming back lands on the same step.
  await page.reload();
  await expectStep(page, 2, 'Verify your e-mail and mobile');
  await page.getByLabel('Code sent by e-mail').fill('123456');
  await page.getByLabel('Code sent by SMS').fill('123456');
  await page.getByRole('button', { name: 'Verify', exact: true }).click();

  // 3. PAN: an individual's PAN for a company is refused, with both choices kept.
  await expectStep(page, 3, 'Your business PAN');
  await page.getByLabel('Type of business').selectOption({ label: 'Company' });
  await page.getByRole('textbox', { name: 'PAN', exact: true }).fill(pan);
  await page.getByRole('button', { name: 'Verify PAN' }).click();
  await expect(page.locator('#pan-error')).toContainText('a company needs a PAN with “C”');
  await expect(page.getByRole('textbox', { name: 'PAN', exact: true })).toHaveValue(pan);
  await expect(page.getByLabel('Type of business')).toHaveValue('company');
  await expect(page.getByRole('textbox', { name: 'PAN', exact: true })).toBeFocused();
  await expectAccessible(page);
  await page.getByLabel('Type of business').selectOption({ label: 'Sole proprietorship' });
  await page.getByRole('button', { name: 'Verify PAN' }).click();

  // 4. Aadhaar: a wrong check digit is refused and the number is never sent back to the page.
  await expectStep(page, 4, 'Verify your Aadhaar');
  // The wizard is one history entry on purpose, so Back cannot land on a step already done: it leaves the
  // wizard, and Forward comes back to where the registration stands.
  await page.goBack();
  await expect(page).not.toHaveURL(link.url);
  await page.goForward();
  await expectStep(page, 4, 'Verify your Aadhaar');
  await page.getByRole('textbox', { name: 'Aadhaar number', exact: true }).fill(aadhaar.badCheckDigit);
  await page.getByRole('button', { name: 'Send OTP' }).click();
  await expect(page.locator('#aadhaar_number-error')).toContainText('check digit is wrong');
  await expect(page.getByRole('textbox', { name: 'Aadhaar number', exact: true })).toHaveValue('');
  expect(await page.content()).not.toContain(aadhaar.badCheckDigit);
  await expectAccessible(page);
  await page.getByRole('textbox', { name: 'Aadhaar number', exact: true }).fill(aadhaar.valid);
  await page.getByRole('button', { name: 'Send OTP' }).click();
  await expectStep(page, 4, 'Enter the Aadhaar OTP');
  await expect(page.getByText(`XXXX XXXX ${aadhaar.valid.slice(-4)}`)).toBeVisible();
  // Neither the number nor the provider's reference for the OTP is in the page.
  expect(await page.content()).not.toContain(aadhaar.valid);
  expect(await page.content()).not.toContain('simref_');
  await page.reload();
  await expectStep(page, 4, 'Enter the Aadhaar OTP');
  await page.getByRole('textbox', { name: 'Aadhaar OTP', exact: true }).fill('111111');
  await page.getByRole('button', { name: 'Verify Aadhaar' }).click();
  // A wrong OTP says how many tries are left before the OTP locks, as the e-mail and SMS codes do.
  await expect(page.locator('#otp-error')).toHaveText('The Aadhaar OTP does not match. 4 attempts left.');
  await expect(page.getByRole('textbox', { name: 'Aadhaar OTP', exact: true })).toBeFocused();
  await page.getByRole('textbox', { name: 'Aadhaar OTP', exact: true }).fill('123456');
  await page.getByRole('button', { name: 'Verify Aadhaar' }).click();

  // 5. GST: a GSTIN of another PAN is refused; the one holding the verified PAN is accepted.
  await expectStep(page, 5, 'GST registration');
  const otherGstin = gstinFor('XYZPE9876Q');
  await page.getByRole('textbox', { name: 'GSTIN', exact: true }).fill(otherGstin);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#gstin-error')).toHaveText('The PAN inside this GSTIN is not the PAN you verified; a GSTIN must belong to the same business.');
  await expect(page.getByRole('textbox', { name: 'GSTIN', exact: true })).toHaveValue(otherGstin);
  await expectAccessible(page);
  await page.getByRole('textbox', { name: 'GSTIN', exact: true }).fill(gstinFor(pan));
  await page.getByRole('button', { name: 'Continue' }).click();

  // 6. Review, masked, then sign with the mouse and accept.
  await expectStep(page, 6, 'Review and sign');
  const preview = page.getByTestId('registration-preview');
  await expect(preview).toContainText('KLXXXXXX8T');
  await expect(preview).toContainText(`XXXX XXXX ${aadhaar.valid.slice(-4)}`);
  await expect(preview).toContainText('27KLXXXXXX');
  expect(await page.content()).not.toContain(pan);
  await page.getByRole('button', { name: 'Accept and open my account' }).click();
  await expect(page.getByText('Sign in the box to accept.')).toBeVisible();
  await expect(page.getByLabel('Or type your name to sign')).toBeFocused();
  await drawSignature(page, page.getByTestId('signature-canvas'));
  await expect(page.getByRole('img', { name: 'Your signature' })).toBeVisible();
  // Once signed, the error about the missing signature is gone.
  await expect(page.getByText('Sign in the box to accept.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Accept and open my account' }).click();

  // A test link's client lives in the sandbox, where nobody signs in: the page says one true thing, and offers no sign-in.
  await expect(page.getByRole('heading', { level: 1, name: 'Test onboarding complete' })).toBeVisible();
  await expect(page.getByTestId('onboarding-finished')).toContainText('Test clients cannot sign in');
  await expect(page.getByTestId('onboarding-finished')).not.toContainText('account is open');
  await expect(page.getByRole('link', { name: /Sign in/ })).toHaveCount(0);
  await expectBranded(page);
  await expectAccessible(page);

  // The link is spent: opening it again shows the same end, not a new registration.
  await page.goto(link.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Test onboarding complete' })).toBeVisible();
});

test('unknown, revoked and foreign links are refused in the partner’s brand', async ({ page }) => {
  const missing = await page.goto(partnerHostUrl(partner.slug, '/onboard/no-such-token'));
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'This link is not valid' })).toBeVisible();
  await expectBranded(page);
  await expectAccessible(page);

  const link = await createOnboardingLink(keys.test);
  await revokeOnboardingLink(keys.test, link.id);
  await page.goto(link.url);
  await expect(page.getByRole('heading', { level: 1, name: 'This link has been withdrawn' })).toBeVisible();
  await expectBranded(page);
  await expect(page.getByLabel('Your full name')).toHaveCount(0);
  await expectAccessible(page);

  // A link only opens on its own partner's host: on another partner's it does not exist.
  const fresh = await createOnboardingLink(keys.test);
  const foreign = await page.goto(fresh.url.replace(`//${partner.slug}.`, `//${otherSlug}.`));
  expect(foreign?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'This link is not valid' })).toBeVisible();
  await expect(page.getByTestId('product-name')).not.toHaveText(brand.productName);
});

test('a live prospect finishes on the partner’s host and signs in to their account', async ({ browser, page }) => {
  const prospect = { name: 'Lata Live', email: `lata-${partner.slug}@example.test`, mobile: uniqueMobile(), password: 'live-client-pass-7' };
  const link = await createOnboardingLink(keys.live, { email: prospect.email });

  await page.goto(link.url);
  await expectStep(page, 1, 'Open your account');
  await expect(page.getByTestId('test-mode-banner')).toHaveCount(0);
  await page.getByLabel('Your full name').fill(prospect.name);
  await page.getByLabel('Mobile number').fill(prospect.mobile);
  await page.getByLabel('Choose a password').fill(prospect.password);
  await page.getByRole('button', { name: 'Continue' }).click();

  await expectStep(page, 2, 'Verify your e-mail and mobile');
  // Live codes are random: the operator reads them in the platform's outbox.
  const operator = await OperatorConsole.open(browser);
  const codes = await readOtpCodesFromOutbox(operator.page, prospect.email, `+91${prospect.mobile}`);
  await operator.close();
  await page.getByLabel('Code sent by e-mail').fill(codes.email);
  await page.getByLabel('Code sent by SMS').fill(codes.mobile);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();

  await expectStep(page, 3, 'Your business PAN');
  await page.getByLabel('Type of business').selectOption('individual');
  await page.getByRole('textbox', { name: 'PAN', exact: true }).fill('LMNPL4321Q');
  await page.getByRole('button', { name: 'Verify PAN' }).click();
  await expectStep(page, 4, 'Verify your Aadhaar');
  await page.getByRole('textbox', { name: 'Aadhaar number', exact: true }).fill(aadhaarNumbers('34567890123').valid);
  await page.getByRole('button', { name: 'Send OTP' }).click();
  await page.getByRole('textbox', { name: 'Aadhaar OTP', exact: true }).fill('123456');
  await page.getByRole('button', { name: 'Verify Aadhaar' }).click();

  await expectStep(page, 5, 'GST registration');
  // Skipping without a reason is refused beside the reason, and the choice is kept; the next Continue goes on.
  await page.getByLabel('I have no GSTIN').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#reason-error')).toContainText('Say why there is no GSTIN');
  await expect(page.getByLabel('I have no GSTIN')).toBeChecked();
  await expect(page.getByLabel('Yes, I have a GSTIN')).not.toBeChecked();
  await page.getByLabel('Why is there no GSTIN?').fill('Turnover below the GST threshold');
  await page.getByRole('button', { name: 'Continue' }).click();

  // Signed from the keyboard: the typed name is drawn onto the canvas.
  await expectStep(page, 6, 'Review and sign');
  await expect(page.getByTestId('registration-preview')).toContainText('No GSTIN: Turnover below the GST threshold');
  await page.getByLabel('Or type your name to sign').fill(prospect.name);
  await page.getByRole('button', { name: 'Accept and open my account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account is ready' })).toBeVisible();
  await expect(page.getByTestId('onboarding-finished')).not.toContainText('sandbox');

  await page.getByRole('link', { name: `Sign in to ${brand.productName}` }).click();
  await page.getByLabel('E-mail').fill(prospect.email);
  await page.getByLabel('Password').fill(prospect.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/account$/);
  // The client portal: the account in the partner's product, signed in as the prospect.
  await expect(page.getByText(`Signed in to ${brand.productName} as ${prospect.email}`)).toBeVisible();
  await expect(page.getByTestId('product-name')).toHaveText(brand.productName);
});
