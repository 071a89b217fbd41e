import { randomInt, randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { call, everyScope } from './api/support/http';
import { OperatorConsole } from './api/support/operator';
import { createPartnerWithOwner, partnerHostUrl, signIn, signInAsOperator, uniqueSlug } from './support/console';

/**
 * A call through a flow, from the console: a flow made in the form, mapped to the client's number on the flow's
 * page, then a test call rung from there; the page shows the path the call took. The client, its number and
 * its agent are made over the API (test mode), as a partner's own systems would.
 */

const partner = { slug: uniqueSlug('flw'), name: 'Flows Telecom E2E' };
const owner = { name: 'Farah Owner', email: `farah-${partner.slug}@example.test` };

test('create a flow, map it to a number, ring it and see the path the call took', async ({ page, browser }) => {
  test.setTimeout(180_000); // a partner, its owner and a key come through several console pages first
  await signInAsOperator(page);
  const password = await createPartnerWithOwner(page, partner, owner);
  const partnerId = new URL(page.url()).pathname.split('/').pop()!;
  const operator = await OperatorConsole.open(browser);
  let key = '';
  try {
    key = await operator.createApiKey(partnerId, { name: 'Flows e2e', mode: 'test', scopes: everyScope });
  } finally {
    await operator.close();
  }
  expect((await call('POST', '/billing/simulate_top_up', { key, body: { amount: 10_000_000 } })).status).toBe(200);
  const registered = await call('POST', '/registrations', { key, body: { name: 'Flow Client', email: `client-${partner.slug}@example.test`, mobile: `9${String(randomInt(0, 1e9)).padStart(9, '0')}`, password: 'correct-horse-9' } });
  expect(registered.status, registered.text).toBe(201);
  const done = await call('POST', `/registrations/${registered.json.id}/simulate_kyc`, { key, body: {} });
  expect(done.status, done.text).toBe(200);
  const clientId = done.json.client_id as string;
  expect((await call('POST', `/clients/${clientId}/wallet/credits`, { key, body: { amount: 200_000 } })).status).toBeLessThan(300);
  // An ordinary number of the sandbox's inventory (the simulator's magic …1111/…2222/…3333 ones misbehave on purpose).
  const offers = await call('GET', '/numbers/available?region=MU&type=local&limit=10', { key });
  expect(offers.status, offers.text).toBe(200);
  const offer = (offers.json.data as { number_id: string; number: string; display: string }[]).find((o) => !/(1111|2222|3333)$/.test(o.number))!;
  const bought = await call('POST', '/number_purchases', { key, body: { number: offer.number_id, client_id: clientId }, headers: { 'Idempotency-Key': randomUUID() } });
  expect(bought.status, bought.text).toBe(201);
  const agent = await call('POST', `/clients/${clientId}/agents`, { key, body: { name: 'Flow Agent', email: `agent-${partner.slug}@example.test`, phone: '9876543210', password: 'Secure-pass-1' } });
  expect(agent.status, agent.text).toBe(201);
  expect((await call('PUT', `/agents/${agent.json.id}/availability`, { key, body: { availability: 'available' } })).status).toBe(200);

  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('test-mode-banner')).toBeVisible();
  await page.goto(partnerHostUrl(partner.slug, '/flows'));
  const add = page.locator('section', { hasText: 'Add a flow' });
  await add.getByLabel('Client').selectOption({ label: 'Flow Client' });
  await add.getByLabel('Name').fill('Support line');
  await add.getByLabel('Agent extension').fill(agent.json.extension as string);
  await add.getByLabel('Transfer to').fill('+919800000001');
  await add.getByRole('button', { name: 'Create flow' }).click();
  await expect(page.getByText('Support line created.')).toBeVisible();

  await page.getByRole('table', { name: 'Call flows' }).getByRole('link', { name: 'Support line' }).click();
  await page.getByLabel('Run on number').selectOption({ label: offer.display });
  await page.getByRole('button', { name: 'Map', exact: true }).click();
  await expect(page.getByText('The number runs this flow now.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Mapping history' })).toContainText(offer.number);

  await page.getByRole('button', { name: /^Ring / }).click();
  const path = 'received → open → ring_agent → agent_answered → agent_hung_up → ended';
  await expect(page.getByText(`Simulated call ended: agent (${path}).`)).toBeVisible();
  const calls = page.getByRole('table', { name: 'Calls through flows' });
  await expect(calls.getByRole('row').filter({ hasText: 'Support line' })).toContainText(path);
  // The same call in the list of every call through the partner's flows.
  await page.goto(partnerHostUrl(partner.slug, '/flows/calls'));
  await expect(page.getByRole('table', { name: 'Calls through flows' }).getByRole('row').filter({ hasText: 'Support line' })).toContainText(path);
});
