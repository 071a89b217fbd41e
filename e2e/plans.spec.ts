import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { call, everyScope } from './api/support/http';
import { OperatorConsole } from './api/support/operator';
import { createPartnerWithOwner, partnerHostUrl, signIn, signInAsOperator, uniqueSlug } from './support/console';

/**
 * A partner offers Pro, then upgrades a client's free workspace to it from the client's Workspaces tab and
 * sees the prorated charge and its commission. Set up over the API in test mode (the sandbox's own books).
 */
test('a partner upgrades a client’s plan and sees the charge and its commission', async ({ page, browser }) => {
  // Sign-ins, a partner and a key on a shared machine: more than the default minute.
  test.setTimeout(180_000);
  const partner = { slug: uniqueSlug('pln'), name: 'Plans Telecom E2E' };
  const owner = { name: 'Priya Owner', email: `priya-${partner.slug}@example.test` };
  await signInAsOperator(page);
  const password = await createPartnerWithOwner(page, partner, owner);
  const partnerId = new URL(page.url()).pathname.split('/').pop()!;
  const operator = await OperatorConsole.open(browser);
  const key = await operator.createApiKey(partnerId, { name: 'Plans e2e', mode: 'test', scopes: everyScope }).finally(() => operator.close());

  expect((await call('POST', '/billing/simulate_top_up', { key, body: { amount: 1_000_000 } })).status).toBe(200);
  const registered = await call('POST', '/registrations', { key, body: { name: 'Plan Client', email: `plan-${partner.slug}@example.test`, mobile: `9${String(randomInt(0, 1e9)).padStart(9, '0')}`, password: 'correct-horse-9' } });
  const clientId = (await call('POST', `/registrations/${registered.json.id}/simulate_kyc`, { key, body: {} })).json.client_id as string;
  expect((await call('POST', `/clients/${clientId}/wallet/credits`, { key, body: { amount: 500_000 } })).status).toBe(200);
  const created = await call('POST', '/workspaces', { key, body: { client_id: clientId, name: 'Helpdesk bot' } });
  expect(created.json, created.text).toMatchObject({ plan: { code: 'free' }, status: 'active' });

  // Offers are set in live mode: the partner offers Pro to its clients.
  await page.context().clearCookies();
  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await expect(page.getByRole('heading', { name: /Welcome, Priya/ })).toBeVisible();
  await page.goto(partnerHostUrl(partner.slug, '/plans'));
  const offer = page.locator('section', { hasText: 'Offer a plan or add-on' });
  await offer.getByLabel('Plan or add-on').selectOption({ label: 'Plan: Pro' });
  await offer.getByRole('button', { name: 'Save offer' }).click();
  await expect(page.getByText('Pro: offered to your clients.')).toBeVisible();

  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('test-mode-banner')).toBeVisible();
  await page.goto(partnerHostUrl(partner.slug, `/clients/${clientId}/workspaces`));
  await expect(page.getByTestId('workspace-plan')).toHaveText('Free');
  await page.getByLabel('Change plan').selectOption('pro');
  await page.getByRole('button', { name: 'Change plan' }).click();
  await expect(page.getByText(/Upgraded to Pro; charged ₹[\d,.]+ for the rest of the period\./)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('workspace-plan')).toHaveText('Pro');
  const upgrade = page.getByTestId('workspace-charges').getByRole('row', { name: /upgrade/ });
  await expect(upgrade).toBeVisible();

  // The same charge over the API, and the commission it earned (retail less wholesale, to the paisa).
  const charges = await call('GET', `/workspaces/${created.json.id}/charges`, { key });
  const [charge] = charges.json.data as { kind: string; retail: number; wholesale: number }[];
  expect(charge).toMatchObject({ kind: 'upgrade' });
  expect(charge!.retail).toBeGreaterThan(charge!.wholesale);
  const inr = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' });
  await expect(upgrade).toContainText(inr.format(charge!.retail / 100));
  await expect(upgrade).toContainText(inr.format((charge!.retail - charge!.wholesale) / 100));
  const today = new Date().toISOString().slice(0, 10);
  const report = await call('GET', `/partners/commissions?start_date=${today}&end_date=${today}`, { key });
  expect(report.json).toMatchObject({ total_commission: charge!.retail - charge!.wholesale, total_charges: 1 });
});
