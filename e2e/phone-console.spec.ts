import { randomInt } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { call, everyScope } from './api/support/http';
import { OperatorConsole } from './api/support/operator';
import { createPartnerWithOwner, partnerHostUrl, platformUrl, signIn, signInAsOperator, uniqueSlug } from './support/console';
import { operator } from './support/server-env';

test.describe.configure({ mode: 'serial' });
// A common phone: every console page must fit its width, with who is signed in and Sign out on screen.
test.use({ viewport: { width: 390, height: 844 } });

const partner = { slug: uniqueSlug('phone'), name: 'Pocket Telecom E2E with a Rather Long Name' };
const owner = { name: 'Parvati Owner-Longname', email: `parvati-${partner.slug}@example.test` };
const world = { partnerId: '', password: '', testKey: '', clientId: '', registrationId: '', endpointId: '' };

async function expectFitsPhone(page: Page, path: string, who: string) {
  await expect(page.getByRole('heading', { level: 1 }).first(), path).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  // What reaches past the screen, to say where to look when this fails (a scroll box's content may, unless it is
  // positioned outside the box: an absolutely placed element is not clipped by a box that is not its container).
  const past = await page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > 390.5)
      .slice(-4)
      .map((el) => `<${el.tagName.toLowerCase()} class="${String(el.className).slice(0, 60)}">`),
  );
  expect.soft(width, `${path} is ${width} px wide: ${past.join(' ')}`).toBeLessThanOrEqual(390);
  await expect.soft(page.getByText(who).first(), `${path}: who is signed in`).toBeInViewport();
  await expect.soft(page.getByRole('button', { name: 'Sign out', exact: true }), `${path}: Sign out`).toBeInViewport();
}

test('every operator console page fits a phone', async ({ page, browser }) => {
  await signInAsOperator(page);
  world.password = await createPartnerWithOwner(page, partner, owner);
  world.partnerId = new URL(page.url()).pathname.split('/').pop()!;
  const console = await OperatorConsole.open(browser);
  try {
    world.testKey = await console.createApiKey(world.partnerId, { name: 'Phone e2e', mode: 'test', scopes: everyScope });
  } finally {
    await console.close();
  }
  for (const path of ['/admin', '/admin/outbox', '/admin/account', '/admin/partners/new', `/admin/partners/${world.partnerId}`, '/admin/metrics']) {
    await page.goto(platformUrl(path));
    await expectFitsPhone(page, path, operator.email);
  }
});

test('every partner console page fits a phone', async ({ page }) => {
  const mobile = () => `9${String(randomInt(0, 1e9)).padStart(9, '0')}`;
  const register = (name: string) => call('POST', '/registrations', { key: world.testKey, body: { name, email: `${name.split(' ')[0]!.toLowerCase()}-${partner.slug}@example.test`, mobile: mobile(), password: 'correct-horse-9' } });
  const onboarded = await register('Onboarded Enterprises Private Limited');
  expect(onboarded.status, onboarded.text).toBe(201);
  const done = await call('POST', `/registrations/${onboarded.json.id as string}/simulate_kyc`, { key: world.testKey, body: {} });
  expect(done.status, done.text).toBe(200);
  world.clientId = done.json.client_id as string;
  const halfDone = await register('Halfway Traders');
  world.registrationId = halfDone.json.id as string;
  const endpoint = await call('POST', '/webhook_endpoints', { key: world.testKey, body: { url: 'https://hooks.example.test/a/rather/long/path/for/a/phone/screen', event_types: ['*'] } });
  expect(endpoint.status, endpoint.text).toBe(201);
  world.endpointId = endpoint.json.id as string;

  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, world.password);
  await expect(page.getByRole('heading', { name: /Welcome, Parvati/ })).toBeVisible();
  // The switch and its banner are part of the frame: test mode must fit too, and it holds the rows made above.
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('test-mode-banner')).toBeVisible();
  const paths = [
    '/',
    '/clients',
    '/clients/pending',
    '/clients/links',
    '/clients/new',
    `/clients/new/${world.registrationId}`,
    `/clients/${world.clientId}`,
    `/clients/${world.clientId}/usage`,
    '/metrics',
    '/branding',
    '/team',
    '/settings',
    '/developers',
    '/developers/requests',
    '/developers/webhooks',
    `/developers/webhooks/${world.endpointId}`,
    '/developers/audit',
    '/developers/outbox',
  ];
  for (const path of paths) {
    await page.goto(partnerHostUrl(partner.slug, path));
    await expectFitsPhone(page, path, owner.name);
  }
});
