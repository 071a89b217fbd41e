import { expect, type Browser, type Page } from '@playwright/test';
import { platformUrl, signInAsOperator, uniqueSlug } from '../../support/console';

/**
 * The operator console driven as a person would: partners, API keys and rate limits for the API tests are
 * made here, so the tests need no seeding route and work against whatever database the server uses.
 */
export class OperatorConsole {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser): Promise<OperatorConsole> {
    const page = await (await browser.newContext()).newPage();
    await signInAsOperator(page);
    return new OperatorConsole(page);
  }

  async close() {
    await this.page.context().close();
  }

  async createPartner(prefix: string, tier?: 'standard' | 'premium' | 'enterprise') {
    const slug = uniqueSlug(prefix);
    const name = `${prefix[0]!.toUpperCase()}${prefix.slice(1)} API ${slug.slice(-6)}`;
    await this.page.goto(platformUrl('/admin/partners/new'));
    await this.page.getByLabel('Name').fill(name);
    await this.page.getByLabel('Slug').fill(slug);
    if (tier) await this.page.getByLabel('Tier').selectOption(tier);
    await this.page.getByRole('button', { name: 'Create partner' }).click();
    await expect(this.page.getByRole('heading', { name })).toBeVisible();
    const id = new URL(this.page.url()).pathname.split('/').pop()!;
    expect(id).toMatch(/^ptn_/);
    return { id, slug, name };
  }

  private async openPartner(partnerId: string) {
    await this.page.goto(platformUrl(`/admin/partners/${partnerId}`));
    return this.page.locator('section').filter({ has: this.page.getByRole('heading', { name: 'API keys', exact: true }) });
  }

  /** Creates a key through the partner page's API keys card and returns the secret it shows once. */
  async createApiKey(partnerId: string, key: { name: string; mode: 'live' | 'test'; scopes: readonly string[]; expiresAt?: Date }): Promise<string> {
    const card = await this.openPartner(partnerId);
    await card.getByLabel('Key name').fill(key.name);
    await card.getByLabel('Mode').selectOption(key.mode);
    for (const scope of key.scopes) await card.getByRole('checkbox', { name: new RegExp(`^${scope}\\b`) }).check();
    // The field is read as UTC, to the second.
    if (key.expiresAt) await card.getByLabel('Expires (UTC, optional)').fill(key.expiresAt.toISOString().slice(0, 19));
    await card.getByRole('button', { name: 'Create API key' }).click();
    const secret = card.getByTestId('shown-once-value');
    await expect(secret).toHaveText(new RegExp(`^sk_${key.mode}_`));
    return (await secret.textContent())!.trim();
  }

  async revokeApiKey(partnerId: string, name: string) {
    const card = await this.openPartner(partnerId);
    await card.getByRole('button', { name: `Revoke ${name}` }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await expect(this.page.getByText('API key revoked.')).toBeVisible();
  }

  async setRateLimit(partnerId: string, limit: number | null) {
    await this.page.goto(platformUrl(`/admin/partners/${partnerId}`));
    await this.page.getByLabel('API rate limit override').fill(limit === null ? '' : String(limit));
    await this.page.getByRole('button', { name: 'Save limit' }).click();
    await expect(this.page.getByText(limit === null ? 'API rate limit back to the tier default.' : `API rate limit set to ${limit} requests an hour.`)).toBeVisible();
  }
}
