import { expect, test, type Page } from '@playwright/test';
import { createPartnerWithOwner, partnerHostUrl, platformUrl, signIn, signInAsOperator, uniqueSlug } from './support/console';
import { aadhaarNumbers, gstinFor, uniqueMobile } from './support/onboarding';

test.describe.configure({ mode: 'serial' });

const partner = { slug: uniqueSlug('csp'), name: 'Strict Policy Telecom E2E' };
const owner = { name: 'Sana Owner', email: `sana-${partner.slug}@example.test` };
let password = '';

/**
 * Every Content-Security-Policy violation the page reports, from the DOM event (in every frame, on every
 * navigation) and from Chromium's console messages, which also name what was refused.
 */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI} at ${event.documentURI}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test('every answer carries the security headers; pages a fresh nonce, and HSTS only behind https', async ({ request }) => {
  const login = await request.get(platformUrl('/login'), { headers: { host: 'no-such-partner.localhost' } });
  const pages = [await request.get(platformUrl('/admin/login')), await request.get(platformUrl('/docs/api')), login];
  const nonces = new Set<string>();
  for (const answer of pages) {
    const headers = answer.headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options']).toBe('DENY');
    const policy = headers['content-security-policy'] ?? '';
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(policy).not.toContain('unsafe-eval');
    nonces.add(/'nonce-([^']+)'/.exec(policy)![1]!);
    expect(headers['strict-transport-security']).toBeUndefined();
  }
  expect(nonces.size).toBe(pages.length);
  const api = (await request.get(platformUrl('/api/v1/partner'))).headers();
  expect(api['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api['x-content-type-options']).toBe('nosniff');
  const secure = await request.get(platformUrl('/admin/login'), { headers: { 'X-Forwarded-Proto': 'https' } });
  expect(secure.headers()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
});

test('the operator creates the partner and its owner, with toasts and no CSP violation', async ({ page }) => {
  const violations = await watchCsp(page);
  await signInAsOperator(page);
  password = await createPartnerWithOwner(page, partner, owner);
  expect(violations).toEqual([]);
});

test('a login page refuses to render inside another site’s frame', async ({ page }) => {
  const loginUrl = partnerHostUrl(partner.slug, '/login');
  await page.route('http://framer.e2e.test/', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!DOCTYPE html><title>Framer</title><iframe src="${loginUrl}" width="600" height="400" onload="document.title = 'framed'"></iframe>` }),
  );
  await page.goto('http://framer.e2e.test/');
  await expect(page).toHaveTitle('framed');
  // Chromium puts its error page in the frame's place instead of the sign-in form.
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame())!;
  expect(frame.url()).toMatch(/^chrome-error:/);
  await expect(page.frameLocator('iframe').getByLabel('Password')).toHaveCount(0);
});

test('the console, its toasts, the docs and the wizard’s signature pad run under the policy', async ({ page }) => {
  const violations = await watchCsp(page);
  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await expect(page.getByRole('heading', { name: /Welcome, Sana/ })).toBeVisible();

  // Test mode is a client-side switch: it only works if the page's scripts ran.
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('test-mode-banner')).toBeVisible();

  for (const url of [partnerHostUrl(partner.slug, '/docs/api'), partnerHostUrl(partner.slug, '/docs/api/errors'), platformUrl('/docs/api')]) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  await page.goto(partnerHostUrl(partner.slug, '/clients/new'));
  await page.getByLabel('Full name').fill('Cora Client');
  await page.getByLabel('E-mail').fill(`cora-${partner.slug}@example.test`);
  await page.getByLabel('Mobile number').fill(uniqueMobile());
  await page.getByLabel('Password for the client').fill('client-pass-2024');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Code sent by e-mail').fill('123456');
  await page.getByLabel('Code sent by SMS').fill('123456');
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await page.getByLabel('Type of business').selectOption('company');
  await page.getByRole('textbox', { name: 'PAN', exact: true }).fill('ABCCE1234F');
  await page.getByRole('button', { name: 'Verify PAN' }).click();
  await page.getByRole('textbox', { name: 'Aadhaar number', exact: true }).fill(aadhaarNumbers('72345678901').valid);
  await page.getByRole('button', { name: 'Send OTP' }).click();
  await page.getByRole('textbox', { name: 'Aadhaar OTP', exact: true }).fill('123456');
  await page.getByRole('button', { name: 'Verify Aadhaar' }).click();
  await page.getByRole('textbox', { name: 'GSTIN', exact: true }).fill(gstinFor('ABCCE1234F'));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Review and sign' })).toBeVisible();
  await page.getByLabel('Or type your name to sign').fill('Cora Client');
  await expect(page.getByRole('img', { name: 'Your signature' })).toBeVisible();
  await page.getByRole('button', { name: 'Accept and create the client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Client created' })).toBeVisible();

  expect(violations).toEqual([]);
});
