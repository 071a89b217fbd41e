import { expect, test } from '@playwright/test';
import { OperatorConsole } from './api/support/operator';
import { partnerHostUrl, platformUrl } from './support/console';

test('an unknown host’s 404 is titled as a missing page, whatever path was asked for', async ({ page }) => {
  for (const path of ['/', '/clients', '/login']) {
    const response = await page.goto(partnerHostUrl('no-such-partner-here', path));
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle('Page not found');
  }
});

test('a known host’s missing page and a suspended partner’s pages carry their own titles', async ({ browser, page }) => {
  const operator = await OperatorConsole.open(browser);
  const partner = await operator.createPartner('susp');
  await operator.page.goto(platformUrl(`/admin/partners/${partner.id}`));

  await page.goto(partnerHostUrl(partner.slug, '/no/such/page'));
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page).toHaveTitle(/^Page not found · /);

  await operator.page.getByRole('button', { name: 'Suspend partner' }).click();
  await operator.page.getByRole('dialog').getByRole('button', { name: 'Suspend' }).click();
  await expect(operator.page.getByText(`${partner.name} is suspended.`)).toBeVisible();
  await operator.close();

  for (const path of ['/', '/login']) {
    await page.goto(partnerHostUrl(partner.slug, path));
    await expect(page.getByRole('heading', { name: 'This service is temporarily unavailable' })).toBeVisible();
    await expect(page).toHaveTitle(/^Temporarily unavailable · /);
  }
});
