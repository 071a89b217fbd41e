import { expect, test } from '@playwright/test';
import { seedPortalServices, sharedDatabase } from './api/support/shared-database';
import { partnerHostUrl, signIn, uniqueSlug } from './support/console';
import { expectAccessible } from './support/onboarding';

/**
 * A client's owner, on a phone, opens the portal's WhatsApp and Channels tabs on the partner's host: it sees its
 * own number and channel (never the other client's), connects the channel's phone from the portal by a simulated
 * scan, and another client's pages are the neutral 404.
 */
test('a client’s owner sees its own WhatsApp number and channel in the portal and connects the phone there', async ({ browser }) => {
  test.skip(!sharedDatabase, 'Needs the server’s PostgreSQL database to seed clients.');
  const slug = uniqueSlug('portal');
  const password = 'client-pass-2024';
  const { mine, theirs } = await seedPortalServices({ slug, name: 'Portal Voice E2E', password });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, partnerHostUrl(slug, '/login'), mine.ownerEmail, password);
  await expect(page.getByRole('heading', { level: 1, name: 'Alpha Traders' })).toBeVisible();

  await page.getByRole('link', { name: 'WhatsApp' }).click();
  await expect(page.getByTestId('portal-whatsapp')).toContainText(mine.whatsappDisplay);
  await expect(page.getByTestId('portal-whatsapp')).not.toContainText(theirs.whatsappDisplay);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Numbers' }).click();
  await expect(page.getByTestId('portal-numbers')).toContainText('No numbers yet.');

  await page.getByRole('link', { name: 'Channels' }).click();
  await expect(page.getByTestId('portal-channels')).toContainText(mine.channelName);
  await expect(page.locator('main')).not.toContainText(theirs.channelName);
  await expectAccessible(page);
  await page.getByRole('link', { name: mine.channelName }).click();
  await expect(page.getByTestId('portal-days-left')).toHaveText('5');
  await expect(page.getByTestId('qr-image')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Simulate a scan' }).click();
  await expect(page.getByTestId('live-connect')).toContainText('Connected', { timeout: 15_000 });
  await expect(page.getByTestId('qr-image')).toHaveCount(0);

  for (const path of [`/account/channels/${theirs.channelId}`, `/account/whatsapp/${theirs.whatsappId}`]) {
    const response = await page.goto(partnerHostUrl(slug, path));
    expect(response?.status(), path).toBe(404);
    await expect(page.locator('body')).not.toContainText('Bravo');
  }
  const stream = await page.evaluate(async (id) => (await fetch(`/account/channels/${id}/live`)).status, theirs.channelId);
  expect(stream).toBe(404);
  await context.close();
});
