import { randomInt } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { call } from './api/support/http';
import { OperatorConsole } from './api/support/operator';
import { createPartnerWithOwner, partnerHostUrl, signIn, signInAsOperator, uniqueSlug } from './support/console';

test.describe.configure({ mode: 'serial' });

/**
 * Agents in the console: one browser context watches the wallboard while another, signed in as the same
 * partner, changes an agent's availability; the wallboard shows the change within a second (server-sent events
 * fed by LISTEN/NOTIFY, no polling). The agent form answers bad input beside each field.
 */

const partner = { slug: uniqueSlug('agt'), name: 'Agents Telecom E2E' };
const owner = { name: 'Kiran Owner', email: `kiran-${partner.slug}@example.test` };
let password = '';
let testKey = '';
let clientId = '';
let agentId = '';

async function consolePage(browser: Browser, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await expect(page.getByRole('heading', { name: /Welcome, Kiran/ })).toBeVisible();
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('test-mode-banner')).toBeVisible();
  await page.goto(partnerHostUrl(partner.slug, path));
  return page;
}

test('set-up: a partner with a sandbox client and an agent made over the API', async ({ page, browser }) => {
  // Creating a partner, its owner and a key goes through several console pages: slow on a busy machine.
  test.setTimeout(180_000);
  await signInAsOperator(page);
  password = await createPartnerWithOwner(page, partner, owner);
  const partnerId = new URL(page.url()).pathname.split('/').pop()!;
  const operator = await OperatorConsole.open(browser);
  try {
    testKey = await operator.createApiKey(partnerId, { name: 'Agents e2e', mode: 'test', scopes: ['onboarding:write', 'agents:write'] });
  } finally {
    await operator.close();
  }
  const registered = await call('POST', '/registrations', { key: testKey, body: { name: 'Call Centre Client', email: `cc-${partner.slug}@example.test`, mobile: `9${String(randomInt(0, 1e9)).padStart(9, '0')}`, password: 'correct-horse-9' } });
  expect(registered.status, registered.text).toBe(201);
  const done = await call('POST', `/registrations/${registered.json.id}/simulate_kyc`, { key: testKey, body: {} });
  expect(done.status, done.text).toBe(200);
  clientId = done.json.client_id as string;
  const agent = await call('POST', `/clients/${clientId}/agents`, { key: testKey, body: { name: 'Wallboard Agent', email: `wb-${partner.slug}@example.test`, phone: '9876543210', password: 'Secure-pass-1' } });
  expect(agent.status, agent.text).toBe(201);
  expect(agent.json).toMatchObject({ extension: '2001', availability: 'offline' });
  agentId = agent.json.id as string;
});

test('the wallboard in one browser shows, within a second, an availability change made in another', async ({ browser }) => {
  test.setTimeout(180_000); // two sign-ins first; the one-second checks below are the measure
  const board = await consolePage(browser, '/agents/wallboard');
  const row = board.locator(`tr[data-agent-id="${agentId}"]`);
  await expect(row.getByTestId('agent-state')).toHaveText(/Offline/);
  await expect(board.getByTestId('wallboard-connection')).toHaveText(/Live/);

  const agents = await consolePage(browser, '/agents');
  const toggle = agents.getByRole('group', { name: 'Availability of Wallboard Agent' });
  for (const [button, shown] of [
    ['Available', /Available/],
    ['Break', /On a break/],
    ['Available', /Available/],
  ] as const) {
    await toggle.getByRole('button', { name: button }).click();
    // The page that made the change shows it (the action committed and answered): the other browser has a
    // second to show it too.
    await expect(toggle.getByRole('button', { name: button })).toHaveAttribute('aria-pressed', 'true');
    await expect(row.getByTestId('agent-state')).toHaveText(shown, { timeout: 1000 });
  }

  // A change over the REST API reaches the same open wallboard.
  const offline = await call('PUT', `/agents/${agentId}/availability`, { key: testKey, body: { availability: 'offline' } });
  expect(offline.status, offline.text).toBe(200);
  await expect(row.getByTestId('agent-state')).toHaveText(/Offline/, { timeout: 1000 });
  await board.context().close();
  await agents.context().close();
});

test('the agent form says what is wrong beside each field, keeps what was typed, then adds the agent', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await consolePage(browser, '/agents');
  const form = page.locator('section', { hasText: 'Add an agent' });
  await form.getByLabel('Name').fill('Second Agent');
  await form.getByLabel('E-mail').fill('not-an-email');
  await form.getByLabel('Phone').fill('12');
  await form.locator('input[name="password"]').fill('short');
  await form.getByLabel('Extension').fill('2001');
  await form.getByRole('button', { name: 'Add agent' }).click();
  await expect(form.getByText('Enter a valid e-mail address.')).toBeVisible();
  await expect(form.getByText(/Enter a valid phone number/)).toBeVisible();
  await expect(form.getByLabel('Name')).toHaveValue('Second Agent');

  await form.getByLabel('E-mail').fill(`second-${partner.slug}@example.test`);
  await form.getByLabel('Phone').fill('+919812345678');
  await form.locator('input[name="password"]').fill('Secure-pass-2');
  await form.getByRole('button', { name: 'Add agent' }).click();
  await expect(form.getByText('Another agent of this client has this extension.')).toBeVisible();
  await form.locator('input[name="password"]').fill('Secure-pass-2');
  await form.getByLabel('Extension').fill('');
  await form.getByRole('button', { name: 'Add agent' }).click();
  await expect(page.getByRole('link', { name: 'Second Agent' })).toBeVisible();
  await page.context().close();
});
