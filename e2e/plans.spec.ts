import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { call, everyScope } from './api/support/http';
import { OperatorConsole } from './api/support/operator';
import { describeProduct, sacOf } from '@/lib/invoices/gst';
import { formatInr } from '@/lib/ledger/format';
import { istOffsetMs, periodOf } from '@/lib/periods/ist-month';
import { suggestedAdvance, toIstLocalInput } from '@/lib/sandbox/clock-input';
import { createPartnerWithOwner, partnerHostUrl, platformUrl, signIn, signInAsOperator, uniqueSlug } from './support/console';

/**
 * A partner offers Pro, then upgrades a client's free workspace to it from the client's Workspaces tab and
 * sees the prorated charge and its commission; then it advances its sandbox's test clock into next month and
 * finds that month's invoice to the client, for the upgrade. Set up over the API in test mode (the sandbox's
 * own books). The invoice's own page shows the line and the total, and is nobody else's to open.
 */
test('a partner upgrades a client’s plan, sees the charge and its commission, and next month’s invoice from the test clock lists it', async ({ page, browser }) => {
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
  // The report's dates are Indian days: from 18:30 UTC it is already tomorrow in India.
  const today = new Date(Date.now() + istOffsetMs).toISOString().slice(0, 10);
  const report = await call('GET', `/partners/commissions?start_date=${today}&end_date=${today}`, { key });
  expect(report.json).toMatchObject({ total_commission: charge!.retail - charge!.wholesale, total_charges: 1 });

  // The sandbox's test clock, moved just into next month (India time): the month that ended gets its invoice.
  const month = periodOf(new Date());
  await page.goto(partnerHostUrl(partner.slug, '/developers'));
  await expect(page.getByTestId('test-clock-time')).toBeVisible();
  await expect(page.getByText('(real time)')).toBeVisible();
  const advanceTo = page.getByLabel('Advance to (India time)');
  // Backwards first: refused next to the field, nothing run.
  await advanceTo.fill(`${month.key}-01T00:00`);
  await page.getByRole('button', { name: 'Advance test clock' }).click();
  await expect(page.getByText(/a test clock only moves forward/).first()).toBeVisible();
  await advanceTo.fill(toIstLocalInput(suggestedAdvance(new Date())));
  await page.getByRole('button', { name: 'Advance test clock' }).click();
  await expect(page.getByText(/Test clock advanced to .+ IST: 1 workspace renewal and 1 invoice/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Advanced', { exact: true })).toBeVisible();
  expect((await call('GET', '/sandbox/test_clock', { key })).json).toMatchObject({ object: 'test_clock', advanced: true, time: suggestedAdvance(new Date()).toISOString() });
  // Over REST too, never backwards: a field error on `to`.
  const backwards = await call('POST', '/sandbox/test_clock/advance', { key, body: { to: new Date().toISOString() } });
  expect(backwards.status).toBe(400);
  expect(backwards.json).toMatchObject({ code: 'validation_failed', errors: [{ pointer: '/to' }] });

  await page.goto(partnerHostUrl(partner.slug, '/invoices'));
  const invoiceRow = page.getByRole('row', { name: /Plan Client/ });
  await expect(invoiceRow).toHaveCount(1);
  await expect(invoiceRow).toContainText(month.key);
  // Pro's upgrade is the month's one charge to the client: the invoice's total, and its one line.
  await expect(invoiceRow).toContainText(formatInr(charge!.retail));
  const listed = await call('GET', `/invoices?customer_id=${clientId}`, { key });
  const [invoice] = listed.json.data as { id: string; period: string }[];
  expect(invoice).toMatchObject({ period: month.key });
  const detail = await call('GET', `/invoices/${invoice!.id}`, { key });
  expect(detail.json.lines).toEqual([expect.objectContaining({ product: 'workspace_plan', amount: charge!.retail })]);

  // The number opens the invoice's page: the plan's line with its SAC, and the same total; the PDF link stays.
  await invoiceRow.getByRole('link', { name: detail.json.number as string }).click();
  await expect(page).toHaveURL(partnerHostUrl(partner.slug, `/invoices/${invoice!.id}`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(detail.json.number as string);
  const line = page.getByTestId('invoice-line');
  await expect(line).toHaveCount(1);
  await expect(line).toContainText(describeProduct('workspace_plan'));
  await expect(line).toContainText('workspace_plan');
  await expect(line).toContainText(sacOf('workspace_plan'));
  await expect(line).toContainText(formatInr(charge!.retail));
  await expect(page.getByTestId('invoice-total')).toHaveText(formatInr(charge!.retail));
  await expect(page.getByTestId('invoice-facts')).toContainText(month.key);
  await expect(page.getByRole('link', { name: 'Download PDF' })).toHaveAttribute('href', `/invoices/${invoice!.id}/pdf`);
  await expect(page.getByRole('button', { name: 'Resend' })).toBeVisible();

  // The sandbox is a partner of its own: from the live console (another partner's book) the same id is a 404,
  // and so it is on the operator's page, which shows only the operator's invoices to partners.
  await page.goto(partnerHostUrl(partner.slug, '/invoices'));
  await page.getByRole('switch', { name: 'Test mode' }).click();
  await expect(page.getByTestId('test-mode-banner')).toHaveCount(0);
  const foreign = await page.goto(partnerHostUrl(partner.slug, `/invoices/${invoice!.id}`));
  expect(foreign?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  const admin = await OperatorConsole.open(browser);
  const asOperator = await admin.page.goto(platformUrl(`/admin/invoices/${invoice!.id}`));
  expect(asOperator?.status()).toBe(404);
  await admin.close();
});
