import { expect, test } from '@playwright/test';
import { createPartnerWithOwner, partnerHostUrl, signIn, signInAsOperator, uniqueSlug } from './support/console';
import { e2ePort } from './support/server-env';

test.describe.configure({ mode: 'serial' });

const acme = { slug: uniqueSlug('acme'), name: 'Acme Telecom E2E' };
const globex = { slug: uniqueSlug('globex'), name: 'Globex Comms E2E' };
const acmeOwner = { name: 'Asha Owner', email: `asha-${acme.slug}@example.test` };
const globexOwner = { name: 'Gopal Owner', email: `gopal-${globex.slug}@example.test` };
let acmePassword = '';

test('the operator creates two partners and their owners', async ({ page }) => {
  await signInAsOperator(page);
  acmePassword = await createPartnerWithOwner(page, { ...acme, tier: 'premium' }, acmeOwner);
  expect(acmePassword.length).toBeGreaterThanOrEqual(10);
  await createPartnerWithOwner(page, globex, globexOwner);

  await page.goto(`http://localhost:${e2ePort}/admin?q=${acme.slug}`);
  const row = page.getByRole('row', { name: new RegExp(acme.name) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('premium');
});

test("the owner signs in on the partner's host and sees its brand", async ({ page }) => {
  await signIn(page, partnerHostUrl(acme.slug, '/login'), acmeOwner.email, acmePassword);
  await expect(page.getByRole('heading', { name: /Welcome, Asha/ })).toBeVisible();
  await expect(page.getByTestId('product-name')).toHaveText(acme.name);
  await expect(page).toHaveTitle(new RegExp(acme.name));
  await expect(page.getByText('Switchboard')).toHaveCount(0);

  // The default primary colour paints the active navigation item.
  const dashboardLink = page.getByRole('link', { name: 'Dashboard' });
  await expect(dashboardLink).toHaveCSS('background-color', 'rgb(79, 70, 229)');
});

test('a branding change shows at once, on every page of the host', async ({ page }) => {
  await signIn(page, partnerHostUrl(acme.slug, '/login'), acmeOwner.email, acmePassword);
  await page.getByRole('link', { name: 'Branding' }).click();
  await page.getByLabel('Product name').fill('Acme Connect');
  await page.getByRole('textbox', { name: 'Primary colour', exact: true }).fill('#dc2626');
  await expect(page.getByRole('figure', { name: 'Preview' })).toContainText('Acme Connect');
  await page.getByRole('button', { name: 'Save branding' }).click();
  await expect(page.getByText('Branding saved.')).toBeVisible();

  await page.goto(partnerHostUrl(acme.slug, '/'));
  await expect(page.getByTestId('product-name')).toHaveText('Acme Connect');
  await expect(page.getByRole('link', { name: 'Dashboard' })).toHaveCSS('background-color', 'rgb(220, 38, 38)');

  // Sign-in and error pages are branded too.
  await page.context().clearCookies();
  await page.goto(partnerHostUrl(acme.slug, '/login'));
  await expect(page.getByTestId('product-name')).toHaveText('Acme Connect');
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCSS('background-color', 'rgb(220, 38, 38)');
  const missing = await page.goto(partnerHostUrl(acme.slug, '/no-such-page'));
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('link', { name: 'Go to the start page' })).toHaveCSS('background-color', 'rgb(220, 38, 38)');
});

test("acme's credentials and session are worthless on globex's host", async ({ page, context }) => {
  await signIn(page, partnerHostUrl(globex.slug, '/login'), acmeOwner.email, acmePassword);
  await expect(page.getByText('The e-mail address or password is incorrect.')).toBeVisible();

  await signIn(page, partnerHostUrl(acme.slug, '/login'), acmeOwner.email, acmePassword);
  await expect(page.getByRole('heading', { name: /Welcome, Asha/ })).toBeVisible();
  // Carry acme's session cookie over to globex's host, as a thief would.
  const cookies = await context.cookies(partnerHostUrl(acme.slug));
  const session = cookies.find((cookie) => cookie.name.includes('session-token'));
  expect(session).toBeTruthy();
  await context.addCookies([{ ...session!, domain: `${globex.slug}.localhost` }]);
  await page.goto(partnerHostUrl(globex.slug, '/'));
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId('product-name')).toHaveText(globex.name);
});

test('an unknown host and an unverified custom domain get the neutral 404 page', async ({ page }) => {
  for (const url of [`http://no-such-partner.localhost:${e2ePort}/login`, `http://console.unverified.e2e.test:${e2ePort}/`]) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    const html = await page.content();
    for (const brand of [acme.name, 'Acme Connect', globex.name, 'Switchboard']) expect(html).not.toContain(brand);
  }
});

test('a custom domain is served only once verified', async ({ page }) => {
  const domain = `console.${acme.slug}.e2e.test`;
  await signIn(page, partnerHostUrl(acme.slug, '/login'), acmeOwner.email, acmePassword);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Add a domain').fill(domain);
  await page.getByRole('button', { name: 'Add domain' }).click();
  const row = page.getByTestId(`domain-${domain}`);
  await expect(row).toContainText('pending');
  await expect(row.getByTestId('txt-value')).toContainText('domain-verification=');

  const response = await page.goto(`http://${domain}:${e2ePort}/login`);
  expect(response?.status()).toBe(404);

  await page.goto(partnerHostUrl(acme.slug, '/settings'));
  await page.getByLabel('Add a domain').fill('not a domain');
  await page.getByRole('button', { name: 'Add domain' }).click();
  await expect(page.getByText(/Enter a domain name such as/)).toBeVisible();
  await expect(page.getByLabel('Add a domain')).toHaveValue('not a domain');
});

test('repeated wrong passwords lock the account with a clear message', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(partnerHostUrl(globex.slug, '/login'));
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel('E-mail').fill(globexOwner.email);
    await page.getByLabel('Password').fill(`wrong-password-${attempt}`);
    // Wait for each answer: the next attempt must not race the previous one's form reset.
    const answered = page.waitForResponse((response) => response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await answered;
    await expect(page.getByLabel('E-mail')).toHaveValue(globexOwner.email);
    await expect(page.getByText(attempt < 5 ? 'The e-mail address or password is incorrect.' : /Too many failed sign-in attempts/)).toBeVisible();
  }
  await expect(page.getByText(/locked for 15 more minutes/)).toBeVisible();
});
