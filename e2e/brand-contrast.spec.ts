import { expect, test } from '@playwright/test';
import { contrastRatio } from '@/lib/branding/contrast';
import { createPartnerWithOwner, partnerHostUrl, signIn, signInAsOperator, uniqueSlug } from './support/console';

const partner = { slug: uniqueSlug('yellow'), name: 'Yellow Telecom E2E' };
const owner = { name: 'Yamini Owner', email: `yamini-${partner.slug}@example.test` };

/** `rgb(r, g, b)` as `#rrggbb`. */
const hexOf = (rgb: string) => `#${rgb.match(/\d+/g)!.slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;

test('a light brand colour is warned about, and links and focus rings drawn from it stay readable', async ({ page }) => {
  await signInAsOperator(page);
  const password = await createPartnerWithOwner(page, partner, owner);
  await page.context().clearCookies();
  await signIn(page, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await expect(page.getByRole('heading', { name: /Welcome, Yamini/ })).toBeVisible();

  await page.goto(partnerHostUrl(partner.slug, '/branding'));
  await expect(page.getByTestId('contrast-warnings')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Primary colour', exact: true }).fill('#ffee00');
  // The warning follows the field as it is typed, before anything is saved.
  await expect(page.getByTestId('contrast-warnings')).toContainText('links and focus rings use a darker shade');
  await page.getByLabel('Support e-mail').fill(`help-${partner.slug}@example.test`);
  await page.getByRole('button', { name: 'Save branding' }).click();
  await expect(page.getByText('Branding saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('contrast-warnings')).toContainText('1.2:1 on white');

  // Buttons keep the brand colour itself; links and focus rings on white use the readable shade.
  await page.goto(partnerHostUrl(partner.slug, '/'));
  const link = page.getByRole('link', { name: 'Manage domains' });
  expect(contrastRatio(hexOf(await link.evaluate((el) => getComputedStyle(el).color)), '#ffffff')).toBeGreaterThanOrEqual(4.5);

  await page.context().clearCookies();
  await page.goto(partnerHostUrl(partner.slug, '/login'));
  const support = page.getByRole('link', { name: `help-${partner.slug}@example.test` });
  expect(contrastRatio(hexOf(await support.evaluate((el) => getComputedStyle(el).color)), '#ffffff')).toBeGreaterThanOrEqual(4.5);
  await page.getByLabel('E-mail').focus();
  await page.keyboard.press('Tab');
  const outline = await page.getByLabel('Password').evaluate((el) => getComputedStyle(el).outlineColor);
  expect(contrastRatio(hexOf(outline), '#ffffff')).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCSS('background-color', 'rgb(255, 238, 0)');
});
