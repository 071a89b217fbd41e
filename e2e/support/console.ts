import { expect, type Page } from '@playwright/test';
import { e2ePort, operator } from './server-env';

export const platformUrl = (path = '/') => `http://localhost:${e2ePort}${path}`;
export const partnerHostUrl = (slug: string, path = '/') => `http://${slug}.localhost:${e2ePort}${path}`;

/** A slug no earlier run against the same database has used. */
export function uniqueSlug(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

export async function signIn(page: Page, url: string, email: string, password: string) {
  await page.goto(url);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * The first sign-in with a temporary password: it leads to the page that asks for one's own, which is chosen
 * here (derived from the temporary one, so it is unique too) and returned.
 */
export async function signInFirstTime(page: Page, url: string, email: string, temporaryPassword: string): Promise<string> {
  await signIn(page, url, email, temporaryPassword);
  await expect(page.getByRole('heading', { name: 'Choose your own password' })).toBeVisible();
  const own = `own-${temporaryPassword}`;
  await page.locator('input[name="password"]').fill(own);
  await page.locator('input[name="password_confirmation"]').fill(own);
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(page.getByRole('heading', { name: 'Choose your own password' })).toBeHidden();
  return own;
}

export async function signInAsOperator(page: Page) {
  await signIn(page, platformUrl('/admin/login'), operator.email, operator.password);
  await expect(page.getByRole('heading', { name: 'Partners' })).toBeVisible();
}

/**
 * Creates a partner and its first owner through the operator console, and has the owner replace the temporary
 * password at a first sign-in (in a browser context of its own); returns the owner's own password.
 */
export async function createPartnerWithOwner(page: Page, partner: { slug: string; name: string; tier?: string }, owner: { name: string; email: string }) {
  await page.goto(platformUrl('/admin/partners/new'));
  await page.getByLabel('Name').fill(partner.name);
  await page.getByLabel('Slug').fill(partner.slug);
  if (partner.tier) await page.getByLabel('Tier').selectOption(partner.tier);
  await page.getByRole('button', { name: 'Create partner' }).click();
  await expect(page.getByRole('heading', { name: partner.name })).toBeVisible();

  await page.getByLabel("Owner's name").fill(owner.name);
  await page.getByLabel("Owner's e-mail").fill(owner.email);
  await page.getByLabel('How they get access').selectOption('password');
  await page.getByRole('button', { name: 'Create owner' }).click();
  const secret = page.getByTestId('shown-once-value');
  await expect(secret).toBeVisible();
  const temporary = (await secret.textContent())!.trim();
  const context = await page.context().browser()!.newContext();
  try {
    return await signInFirstTime(await context.newPage(), partnerHostUrl(partner.slug, '/login'), owner.email, temporary);
  } finally {
    await context.close();
  }
}
