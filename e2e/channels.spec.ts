import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { apiUrl, call, everyScope, expectProblem } from './api/support/http';
import { OperatorConsole } from './api/support/operator';
import { createPartnerWithOwner, partnerHostUrl, signIn, signInAsOperator, uniqueSlug } from './support/console';

test.describe.configure({ mode: 'serial' });

/**
 * A WhatsApp channel from the partner's console to the client's phone: the partner (in test mode) buys days
 * and makes a channel and a connect link over the API; the client opens the link on a phone, on the partner's
 * host in its brand, and watches the QR code rotate; a simulated scan connects it, and the partner's open
 * console page shows it connected within a second, without a reload.
 */
const partner = { slug: uniqueSlug('chn'), name: 'Channel Telecom E2E' };
const owner = { name: 'Chitra Owner', email: `chitra-${partner.slug}@example.test` };
let password = '';
let testKey = '';
let clientId = '';
let channelId = '';
let linkUrl = '';

test('the partner buys days and makes a channel and its connect link over the API', async ({ page, browser }) => {
  // Setting up a partner, its keys and a client through the operator console takes a while on a busy machine.
  test.slow();
  await signInAsOperator(page);
  password = await createPartnerWithOwner(page, partner, owner);
  const partnerId = new URL(page.url()).pathname.split('/').pop()!;
  const operator = await OperatorConsole.open(browser);
  try {
    testKey = await operator.createApiKey(partnerId, { name: 'Channels e2e', mode: 'test', scopes: everyScope });
  } finally {
    await operator.close();
  }
  const registered = await call('POST', '/registrations', { key: testKey, body: { name: 'Chat Client', email: `chat-${partner.slug}@example.test`, mobile: `9${String(randomInt(0, 1e9)).padStart(9, '0')}`, password: 'correct-horse-9' } });
  expect(registered.status, registered.text).toBe(201);
  clientId = (await call('POST', `/registrations/${registered.json.id}/simulate_kyc`, { key: testKey, body: {} })).json.client_id as string;

  expect((await call('POST', '/billing/simulate_top_up', { key: testKey, body: { amount: 1_000_000 } })).status).toBe(200);
  const bought = await call('POST', '/day_balance/purchases', { key: testKey, body: { quantity: 40 } });
  expect(bought.status, bought.text).toBe(200);
  expect(bought.json).toMatchObject({ balance: 40, bought: 40, in_channels: 0 });

  const bad = await call('POST', '/channels', { key: testKey, body: { client_id: clientId, name: '' } });
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.json)).toContain('/name');

  const created = await call('POST', '/channels', { key: testKey, body: { client_id: clientId, name: 'Help desk' } });
  expect(created.status, created.text).toBe(201);
  expect(created.json).toMatchObject({ mode: 'trial', trial_days: 5, connection: 'initialising', simulated: true });
  expect(created.json.token).toMatch(/^wch_/);
  channelId = created.json.id as string;
  expect(JSON.stringify((await call('GET', `/channels/${channelId}`, { key: testKey })).json)).not.toContain(created.json.token as string);

  const live = await call('POST', `/channels/${channelId}/extend`, { key: testKey, body: { days: 30, comment: 'First month paid' } });
  expect(live.json).toMatchObject({ mode: 'live', days_held: 30 });
  expect((await call('GET', '/day_balance', { key: testKey })).json).toMatchObject({ balance: 10, in_channels: 30 });

  const link = await call('POST', `/channels/${channelId}/connect_link`, { key: testKey, body: { expires_in_hours: 2 } });
  expect(link.status, link.text).toBe(201);
  linkUrl = link.json.url as string;
  expect(new URL(linkUrl).host).toBe(new URL(partnerHostUrl(partner.slug)).host);
});

test('a client connects the phone through the hosted link and the console follows within a second', async ({ browser, page }) => {
  // The first QR code lasts 60 s before the next: the test waits for a real rotation.
  test.slow();
  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('test-mode-banner')).toBeVisible();
  await page.goto(partnerHostUrl(partner.slug, `/channels/${channelId}`));
  const consoleState = page.getByTestId('connection-state');
  await expect(consoleState).toHaveAttribute('data-state', 'waiting_for_scan');

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const client = await phone.newPage();
  await client.goto(linkUrl);
  await expect(client.getByRole('heading', { level: 1 })).toContainText('Connect WhatsApp');
  const qr = client.getByTestId('qr-image');
  await expect(qr).toHaveAttribute('data-qr-index', '0');
  const firstCode = await qr.getAttribute('src');
  const text = await client.locator('body').innerText();
  expect(text).not.toMatch(/whapi|switchboard|gateway simulator/i);

  // The gateway rotates the code; the page follows without a reload.
  await expect(qr).toHaveAttribute('data-qr-index', '1', { timeout: 75_000 });
  expect(await qr.getAttribute('src')).not.toBe(firstCode);

  await client.getByRole('button', { name: 'Simulate a scan' }).click();
  await expect(client.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await expect(consoleState).toHaveAttribute('data-state', 'connected', { timeout: 1_000 });
  await expect(page.getByText('as +919000000100')).toBeVisible();
  await phone.close();

  const events = await call('GET', '/events?type=channel.connected', { key: testKey });
  expect(JSON.stringify(events.json)).toContain(channelId);
});

test('the QR as data over REST, reclaim and delete with every day returned, and another partner’s channel is a 404', async () => {
  const qr = await call('GET', `/channels/${channelId}/qr`, { key: testKey });
  expect(qr.status, qr.text).toBe(200);
  expect(qr.json).toMatchObject({ object: 'channel_qr', qr: null, channel: { connection: 'connected' } });
  const reclaimed = await call('POST', `/channels/${channelId}/reclaim`, { key: testKey, body: { keep_days: 20, comment: 'Shorter plan' } });
  expect(reclaimed.status, reclaimed.text).toBe(200);
  expect(reclaimed.json).toMatchObject({ unused_days: 20, days_reclaimed: 9 });
  const deleted = await call('DELETE', `/channels/${channelId}`, { key: testKey, body: { comment: 'Done' } });
  expect(deleted.json).toMatchObject({ status: 'deleted', days_returned: 20 });
  expect((await call('GET', '/day_balance', { key: testKey })).json).toMatchObject({ balance: 39, in_channels: 1, bought: 40 });

  const fresh = await call('POST', '/channels', { key: testKey, body: { client_id: clientId, name: 'Second' } });
  const png = await call('GET', `/channels/${fresh.json.id}/qr`, { key: testKey });
  expect((png.json.qr as { image_png: string }).image_png).toMatch(/^data:image\/png;base64,/);
  // The same code as an image of its own, never cached; the deleted channel has none to draw.
  const image = await fetch(apiUrl(`/channels/${fresh.json.id}/qr.png`), { headers: { Authorization: `Bearer ${testKey}` } });
  expect(image.status).toBe(200);
  expect(image.headers.get('content-type')).toBe('image/png');
  expect(image.headers.get('cache-control')).toBe('no-store');
  expect(Buffer.from(await image.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
  expectProblem(await call('GET', `/channels/${channelId}/qr.png`, { key: testKey }), 409, 'conflict');
  expect((await call('GET', '/channels/chn_01kaz3d4mqf2v8n6w0c1e5rj7t', { key: testKey })).status).toBe(404);
});
