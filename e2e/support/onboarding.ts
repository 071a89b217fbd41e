import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { verhoeffCheckDigit } from '@/lib/kyc/validators/aadhaar';
import { gstinCheckCharacter } from '@/lib/kyc/validators/gstin';
import { platformUrl } from './console';

/** A mobile number no other registration of the run has used (open registrations are unique per mobile). */
export function uniqueMobile(): string {
  return `98${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/** A valid Aadhaar number (Verhoeff check digit) and the same number with its check digit wrong. */
export function aadhaarNumbers(first11 = '23456789012') {
  const check = Number(verhoeffCheckDigit(first11));
  return { valid: `${first11}${check}`, badCheckDigit: `${first11}${(check + 1) % 10}` };
}

/** A GSTIN with a correct check character for the given PAN (state 27, entity 1). */
export function gstinFor(pan: string): string {
  const first14 = `27${pan}1Z`;
  return `${first14}${gstinCheckCharacter(first14)}`;
}

/** Creates a hosted onboarding link through the REST API; returns its URL (on the partner's host). */
export async function createOnboardingLink(apiKey: string, prefill: Record<string, string> = {}) {
  const response = await fetch(platformUrl('/api/v1/onboarding_links'), {
    method: 'POST',
    headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ prefill, expires_in_days: 7 }),
  });
  const body = (await response.json()) as { url?: string; id?: string };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return { url: body.url!, id: body.id! };
}

export async function revokeOnboardingLink(apiKey: string, linkId: string) {
  const response = await fetch(platformUrl(`/api/v1/onboarding_links/${linkId}/revoke`), { method: 'POST', headers: { Authorization: `Bearer ${apiKey}` } });
  expect(response.status).toBe(200);
}

/** No serious or critical WCAG 2.1 A/AA violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(blocking.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** Draws a signature-like zigzag across the canvas with the mouse. */
export async function drawSignature(page: Page, canvas: Locator) {
  const box = (await canvas.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 20, y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 20 + i * ((box.width - 40) / 12), y + (i % 2 ? -25 : 25), { steps: 4 });
  await page.mouse.up();
}

/**
 * The e-mail and SMS codes last sent to a registration, read as the operator does on the platform's outbox page.
 * Live codes are random, and the messages reach no real inbox or phone here.
 */
export async function readOtpCodesFromOutbox(operatorPage: Page, email: string, mobileE164: string) {
  await operatorPage.goto(platformUrl('/admin/outbox'));
  await expect(operatorPage.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  const codeTo = async (recipient: string) => {
    // Newest first: the first message to this recipient carries the code that is valid now.
    const message = operatorPage.locator('details').filter({ hasText: `to ${recipient} at` }).first();
    const code = /\b(\d{6})\b/.exec((await message.getByTestId('outbox-text').textContent()) ?? '')?.[1];
    expect(code, `a code sent to ${recipient}`).toBeTruthy();
    return code!;
  };
  return { email: await codeTo(email), mobile: await codeTo(mobileE164) };
}
