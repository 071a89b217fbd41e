import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { createPartnerWithOwner, partnerHostUrl, signIn, signInAsOperator, signInFirstTime, uniqueSlug } from './support/console';
import { e2ePort } from './support/server-env';

test.describe.configure({ mode: 'serial' });

const partner = { slug: uniqueSlug('devs'), name: 'Devs Telecom E2E' };
const owner = { name: 'Dev Owner', email: `dev-${partner.slug}@example.test` };
let password = '';
let liveSecret = '';
let liveRequestId = '';

// API routes answer on any host; the platform host keeps the call independent of the partner's console.
const apiUrl = (path: string) => `http://localhost:${e2ePort}/api/v1${path}`;

async function callPartnerApi(secret: string) {
  const response = await fetch(apiUrl('/partner'), { headers: { Authorization: `Bearer ${secret}` } });
  return { status: response.status, requestId: response.headers.get('x-request-id') ?? '', body: (await response.json()) as { code?: string; environment?: string } };
}

async function signInAsOwner(page: Page, path = '/developers') {
  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await expect(page.getByRole('heading', { name: /Welcome, Dev/ })).toBeVisible();
  if (path !== '/') await page.goto(partnerHostUrl(partner.slug, path));
}

/** Requests are logged in batches about a second after they are answered: reload until the table shows it. */
async function expectRequestListed(page: Page, text: string) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('table', { name: 'API requests' })).toContainText(text, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

type ReceivedRequest = { headers: IncomingHttpHeaders; body: string };

/** A webhook receiver on a random local port that records what it gets and answers 200. */
async function startReceiver(): Promise<{ server: Server; url: string; received: ReceivedRequest[] }> {
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end('thanks');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/hooks`, received };
}

test('the operator creates a partner and its owner', async ({ page }) => {
  await signInAsOperator(page);
  password = await createPartnerWithOwner(page, partner, owner);
});

test('the owner creates a live key, the API accepts it, and refuses it once revoked', async ({ page }) => {
  await signInAsOwner(page, '/');
  await page.getByRole('link', { name: 'Developers' }).click();
  await expect(page.getByRole('heading', { name: 'Developers', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'API keys' })).toHaveAttribute('aria-current', 'page');

  // A key needs a scope: the error shows beside the group, and the name typed survives.
  await page.getByLabel('Name').fill('CRM sync');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByText('Choose at least one scope.')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('CRM sync');

  await expect(page.getByLabel('Mode')).toHaveValue('live');
  await page.getByLabel('clients:read').check();
  await page.getByRole('button', { name: 'Create key' }).click();
  const secret = page.getByTestId('shown-once-value');
  await expect(secret).toBeVisible();
  liveSecret = (await secret.textContent())!.trim();
  expect(liveSecret).toMatch(/^sk_live_[A-Za-z0-9_-]{32}$/);

  const row = page.getByRole('row', { name: /CRM sync/ });
  await expect(row).toContainText('live');
  await expect(row).toContainText('clients:read');
  await expect(row).toContainText('active');
  await expect(row).toContainText(liveSecret.slice(0, 12));
  // The whole secret is never on the page again.
  await page.reload();
  expect(await page.content()).not.toContain(liveSecret);

  const accepted = await callPartnerApi(liveSecret);
  expect(accepted.status).toBe(200);
  expect(accepted.body.environment).toBe('live');
  liveRequestId = accepted.requestId;

  await row.getByRole('button', { name: /Revoke/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
  await expect(page.getByText('Key revoked.').first()).toBeVisible();
  await expect(page.getByRole('row', { name: /CRM sync/ })).toContainText('revoked');

  const refused = await callPartnerApi(liveSecret);
  expect(refused.status).toBe(401);
  expect(refused.body.code).toBe('api_key_revoked');
});

// In production only a sandbox may deliver to a private address (with WEBHOOK_ALLOW_PRIVATE_TARGETS), and the
// e2e server runs in production mode: so this endpoint lives in test mode, which also shows it stays there.
test('a test-mode webhook endpoint receives a signed test event, logged with its attempts, and can be re-sent', async ({ page }) => {
  const receiver = await startReceiver();
  try {
    await signInAsOwner(page, '/developers/webhooks');
    await page.getByRole('switch', { name: 'Test mode' }).click();
    await expect(page.getByTestId('test-mode-banner')).toBeVisible();
    await expect(page).toHaveURL(/\/developers\/webhooks$/);

    await page.getByLabel('Endpoint URL').fill('not a url');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(page.getByText(/Enter an absolute https:\/\/ URL/)).toBeVisible();
    await expect(page.getByLabel('Endpoint URL')).toHaveValue('not a url');

    await page.getByLabel('Endpoint URL').fill(receiver.url);
    await page.getByLabel('Description', { exact: true }).fill('Local receiver');
    await expect(page.getByRole('checkbox', { name: /^All events/ })).toBeChecked();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = (await page.getByTestId('shown-once-value').textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await expect(page.getByRole('table', { name: 'Webhook endpoints' })).toContainText('All events');

    await page.getByRole('link', { name: 'Open the endpoint' }).click();
    await expect(page.getByRole('heading', { name: receiver.url })).toBeVisible();
    const endpointPath = new URL(page.url()).pathname;
    await expect(page.getByRole('link', { name: 'Webhooks' })).toHaveAttribute('aria-current', 'page');

    // Reveal shows the secret handed out at creation.
    await page.getByRole('button', { name: 'Reveal secret' }).click();
    await expect(page.getByTestId('revealed-secret-value')).toHaveText(secret);

    await page.getByRole('button', { name: 'Send test event' }).click();
    await expect(page.getByText(/Test event queued/)).toBeVisible();
    const deliveries = page.getByRole('table', { name: 'Deliveries' });
    await expect(async () => {
      await page.reload();
      await expect(deliveries).toContainText('succeeded', { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(deliveries).toContainText('webhook_endpoint.test');

    // The receiver got one signed request that verifies with the endpoint's secret.
    expect(receiver.received).toHaveLength(1);
    const [delivered] = receiver.received;
    expect(delivered!.headers['webhook-id']).toMatch(/^evt_/);
    expect(delivered!.headers['webhook-signature']).toMatch(/^v1,/);
    const verified = new Webhook(secret).verify(delivered!.body, delivered!.headers as Record<string, string>) as { type: string };
    expect(verified.type).toBe('webhook_endpoint.test');

    // A delivery opens to its payload and each attempt's answer.
    await page.getByText('Payload and attempts').first().click();
    const details = page.locator('details[open]');
    await expect(details).toContainText(delivered!.headers['webhook-id'] as string);
    await expect(details).toContainText('HTTP 200');
    await expect(details).toContainText('thanks');

    // Re-sending makes a new delivery of the same event.
    await page.getByRole('button', { name: /Re-send delivery/ }).first().click();
    await expect(page.getByText('Queued again as a new delivery.')).toBeVisible();
    await expect(async () => {
      await page.reload();
      await expect(deliveries.getByText('succeeded', { exact: true })).toHaveCount(2, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.headers['webhook-id']).toBe(delivered!.headers['webhook-id']);

    // Rotation hands out a new secret once; the old one keeps signing for a day.
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate' }).click();
    const rotated = (await page.getByTestId('shown-once-value').textContent())!.trim();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await expect(page.getByTestId('shown-once')).toContainText('old secret too');

    // Disabled, the endpoint takes no test events.
    await page.getByRole('button', { name: 'Disable' }).click();
    await expect(page.getByRole('button', { name: 'Enable' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send test event' })).toBeDisabled();
    await page.getByRole('button', { name: 'Enable' }).click();
    await expect(page.getByRole('button', { name: 'Send test event' })).toBeEnabled();

    // Back in live mode (the switch leaves the endpoint's page for the list) the sandbox's endpoint is neither
    // listed nor reachable.
    await page.getByRole('switch', { name: 'Test mode' }).click();
    await expect(page.getByTestId('test-mode-banner')).toHaveCount(0);
    await expect(page).toHaveURL(/\/developers\/webhooks$/);
    await expect(page.getByText('No endpoints yet.')).toBeVisible();
    const hidden = await page.goto(partnerHostUrl(partner.slug, endpointPath));
    expect(hidden?.status()).toBe(404);
  } finally {
    receiver.server.close();
  }
});

test('the Requests page shows live requests in live mode and test requests in test mode only', async ({ page }) => {
  await signInAsOwner(page, '/developers/requests');
  await expect(page.getByRole('switch', { name: 'Test mode' })).toHaveAttribute('aria-checked', 'false');
  await expectRequestListed(page, liveRequestId);
  await expect(page.getByRole('table', { name: 'API requests' })).toContainText('/api/v1/partner');

  // Switch to test mode: the banner shows on every page, and the same page now shows the sandbox.
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('test-mode-banner')).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Test mode' })).toHaveAttribute('aria-checked', 'true');
  await expect(page).toHaveURL(/\/developers\/requests$/);
  await expect(page.getByRole('table', { name: 'API requests' })).toContainText('No test requests yet.');

  // A test key, created in test mode (the default mode follows the switch), is listed with the live one.
  await page.getByRole('link', { name: 'API keys' }).click();
  await page.getByLabel('Name').fill('Sandbox script');
  await expect(page.getByLabel('Mode')).toHaveValue('test');
  await page.getByLabel('clients:write').check();
  await page.getByRole('button', { name: 'Create key' }).click();
  const testSecret = (await page.getByTestId('shown-once-value').textContent())!.trim();
  expect(testSecret).toMatch(/^sk_test_/);
  await expect(page.getByRole('row', { name: /Sandbox script/ })).toContainText('test');
  await expect(page.getByRole('row', { name: /CRM sync/ })).toContainText('live');

  const sandboxCall = await callPartnerApi(testSecret);
  expect(sandboxCall.status).toBe(200);
  expect(sandboxCall.body.environment).toBe('test');

  await page.getByRole('link', { name: 'Requests' }).click();
  await expect(page).toHaveURL(/\/developers\/requests$/);
  await expectRequestListed(page, sandboxCall.requestId);
  const testTable = page.getByRole('table', { name: 'API requests' });
  await expect(testTable).not.toContainText(liveRequestId);
  await expect(testTable.getByRole('row')).toHaveCount(2); // the header and the one test request

  // The status filter narrows the list.
  await page.getByLabel('Status').selectOption('4xx');
  await expect(page).toHaveURL(/status=4xx/);
  await expect(testTable).toContainText('No test requests yet.');

  // Branding, domains and team stay the live partner's, with the banner still up.
  await page.getByRole('link', { name: 'Team' }).click();
  await expect(page.getByTestId('test-mode-banner')).toBeVisible();
  await expect(page.getByTestId(`member-${owner.email}`)).toBeVisible();

  // Back to live: the test request is not among the live ones.
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('test-mode-banner')).toHaveCount(0);
  await page.goto(partnerHostUrl(partner.slug, '/developers/requests'));
  const liveTable = page.getByRole('table', { name: 'API requests' });
  await expect(liveTable).toContainText(liveRequestId);
  await expect(liveTable).not.toContainText(sandboxCall.requestId);
});

test('the audit log shows who changed what, per environment, filtered by action and target', async ({ page }) => {
  await signInAsOwner(page, '/developers');
  const keyId = (await page.getByRole('row', { name: /CRM sync/ }).getAttribute('data-testid'))!.replace('api-key-', '');

  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page).toHaveURL(/\/developers\/audit$/);
  const log = page.getByRole('table', { name: 'Audit log' });
  await expect(log).toContainText('api_key.created');
  await expect(log).toContainText('Dev Owner');
  await expect(log).not.toContainText('webhook_endpoint.created'); // that happened in test mode

  await page.getByLabel('Action').fill('api_key.revoked');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/action=api_key\.revoked/);
  await expect(log.getByText('api_key.revoked', { exact: true })).toHaveCount(1);
  await expect(log).not.toContainText('api_key.created');
  await log.getByText('Before and after').click();
  await expect(log.locator('details[open]')).toContainText('"name":"CRM sync"');

  // A kind without an action matches all of its actions; the target narrows to one key.
  await page.getByLabel('Action').fill('api_key');
  await page.getByLabel('Target id').fill(keyId);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/target_id=/);
  await expect(log.getByText('api_key.created', { exact: true })).toHaveCount(1);
  await expect(log.getByText('api_key.revoked', { exact: true })).toHaveCount(1);
  await expect(log).not.toContainText('Sandbox script');

  // The switch keeps the page but not its filters.
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('test-mode-banner')).toBeVisible();
  await expect(page).toHaveURL(/\/developers\/audit$/);
  await expect(log).toContainText('webhook_endpoint.created');
  await expect(log).toContainText('webhook_endpoint.secret_rotated');
  await expect(log).not.toContainText('api_key.revoked');
});

test('a member sees keys and endpoints but no controls to change them', async ({ page, browser }) => {
  await signInAsOwner(page, '/team');
  const member = { name: 'Mira Member', email: `mira-${partner.slug}@example.test` };
  await page.getByLabel('Name').fill(member.name);
  await page.getByLabel('E-mail').fill(member.email);
  await page.getByLabel('How they get access').selectOption('password');
  await page.getByRole('button', { name: 'Add member' }).click();
  const memberPassword = (await page.getByTestId('shown-once-value').textContent())!.trim();

  const context = await browser.newContext();
  const memberPage = await context.newPage();
  await signInFirstTime(memberPage, partnerHostUrl(partner.slug, '/login'), member.email, memberPassword);
  await expect(memberPage.getByRole('heading', { name: /Welcome, Mira/ })).toBeVisible();
  await memberPage.goto(partnerHostUrl(partner.slug, '/developers'));
  await expect(memberPage.getByRole('row', { name: /CRM sync/ })).toBeVisible();
  await expect(memberPage.getByRole('row', { name: /Sandbox script/ })).toBeVisible();
  await expect(memberPage.getByRole('button', { name: /Revoke/ })).toHaveCount(0);
  await expect(memberPage.getByRole('heading', { name: 'Create an API key' })).toHaveCount(0);
  await expect(memberPage.getByText('Only owners and admins can create or revoke keys.')).toBeVisible();
  await memberPage.goto(partnerHostUrl(partner.slug, '/developers/webhooks'));
  await expect(memberPage.getByRole('heading', { name: 'Add an endpoint' })).toHaveCount(0);
  await context.close();
});
