import { expect, test, type Page } from '@playwright/test';
import { createPartnerWithOwner, partnerHostUrl, platformUrl, signInAsOperator, uniqueSlug } from './support/console';
import { e2ePort } from './support/server-env';

test.describe.configure({ mode: 'serial' });

type Doc = { paths: Record<string, Record<string, { operationId: string; summary: string }>> };

async function documentOperations(page: Page) {
  const doc = (await (await page.request.get(platformUrl('/api/v1/openapi.json'))).json()) as Doc;
  return Object.values(doc.paths).flatMap((item) => Object.values(item));
}

/** Script URLs a page loads, and whether anything came from another origin. */
async function loadRecording(page: Page, url: string) {
  const scripts: string[] = [];
  const foreign: string[] = [];
  const origin = new URL(url).origin;
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== origin && !request.url().startsWith('data:')) foreign.push(request.url());
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  const response = await page.goto(url);
  await page.waitForLoadState('networkidle');
  page.removeAllListeners('request');
  return { status: response?.status(), scripts, foreign };
}

test('the platform host serves the reference, built from the OpenAPI document, with no outside CDN and no page script', async ({ page }) => {
  const docs = await loadRecording(page, platformUrl('/docs/api'));
  expect(docs.status).toBe(200);
  expect(docs.foreign).toEqual([]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Switchboard API reference');
  await expect(page).toHaveTitle(/API reference · Switchboard/);

  const operations = await documentOperations(page);
  await expect(page.getByRole('navigation', { name: 'Operations' })).toBeVisible();
  // Read the whole page once (a few hundred operations, one round trip each would take minutes), then compare:
  // each operation has a sidebar link by its target (one summary may begin another, "Get a client" and "Get a
  // client’s wallet") with its summary, and a rendered section.
  const rendered = await page.evaluate(() => {
    const sidebar = document.querySelector('nav[aria-label="Operations"]');
    const links = Object.fromEntries([...(sidebar?.querySelectorAll('a[href^="#"]') ?? [])].map((a) => [a.getAttribute('href')!.slice(1), a.textContent ?? '']));
    const sections = [...document.querySelectorAll('section[id]')].filter((el) => (el as HTMLElement).offsetParent !== null && el.getBoundingClientRect().height > 0).map((el) => el.id);
    return { links, sections };
  });
  for (const op of operations) {
    expect(rendered.links[op.operationId], op.operationId).toContain(op.summary);
    expect(rendered.sections, op.operationId).toContain(op.operationId);
  }
  for (const topic of ['Authentication', 'Errors', 'Pagination', 'Idempotency', 'Rate limits', 'Webhooks']) {
    await expect(page.getByRole('heading', { name: topic, exact: true, level: 3 })).toBeVisible();
  }

  const status = page.locator('section#updateClientStatus');
  await expect(status.getByText('Scope:')).toContainText('clients:write');
  await expect(status.getByRole('table', { name: /Request body/ })).toContainText('inactive');
  await expect(status.getByText('Example request')).toBeVisible();
  await expect(status.locator('pre').first()).toContainText(`curl -X POST 'http://localhost:${e2ePort}/api/v1/clients/`);
  await status.getByRole('link', { name: /404 not_found/ }).click();
  await expect(page).toHaveURL(/\/docs\/api\/errors#not_found$/);
  await expect(page.locator('[id="not_found"]')).toContainText('404');

  // Server components only: nothing beyond what even the plain 404 page loads.
  const baseline = await loadRecording(page, platformUrl(`/no-such-page-${Date.now()}`));
  expect(docs.scripts.filter((script) => !baseline.scripts.includes(script))).toEqual([]);

  const json = await page.request.get(platformUrl('/api/v1/openapi.json'));
  expect(json.headers()['content-type']).toContain('application/json');
});

test('the error catalogue has an anchor per code, where the problem `type` of a real answer points', async ({ page }) => {
  const answer = await page.request.get(platformUrl('/api/v1/partner'));
  const problem = (await answer.json()) as { type: string; code: string };
  expect(problem.type).toBe(platformUrl('/docs/api/errors#unauthenticated'));
  await page.goto(problem.type);
  const entry = page.locator('[id="unauthenticated"]');
  await expect(entry).toContainText('401');
  await expect(entry).toContainText('Authentication required');
  await expect(page.locator('[id="rate_limited"]')).toContainText('429');
});

test('every partner host serves the same reference under the partner’s own name and brand', async ({ page }) => {
  const partner = { slug: uniqueSlug('docs'), name: 'Docs Partner E2E' };
  await signInAsOperator(page);
  await createPartnerWithOwner(page, partner, { name: 'Dora Docs', email: `dora-${partner.slug}@example.test` });
  await page.context().clearCookies();

  const docs = await loadRecording(page, partnerHostUrl(partner.slug, '/docs/api'));
  expect(docs.status).toBe(200);
  expect(docs.foreign).toEqual([]);
  await expect(page.getByTestId('product-name')).toHaveText(partner.name);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${partner.name} API reference`);
  await expect(page).toHaveTitle(`API reference · ${partner.name}`);
  await expect(page.locator('body')).not.toContainText('Switchboard');
  await expect(page.locator('section#getPartner pre').first()).toContainText(`curl 'http://${partner.slug}.localhost:${e2ePort}/api/v1/partner'`);
  // Every operation's section is rendered, read in one round trip (one wait each takes minutes).
  const sections = await page.evaluate(() => [...document.querySelectorAll('section[id]')].filter((el) => el.getBoundingClientRect().height > 0).map((el) => el.id));
  for (const op of await documentOperations(page)) expect(sections, op.operationId).toContain(op.operationId);

  // A problem answered on this host links to this host's catalogue, in this brand.
  const type = await page.evaluate(async () => ((await (await fetch('/api/v1/clients')).json()) as { type: string }).type);
  expect(type).toBe(partnerHostUrl(partner.slug, '/docs/api/errors#unauthenticated'));
  await page.goto(type);
  await expect(page.getByTestId('product-name')).toHaveText(partner.name);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${partner.name} API error codes`);
  await expect(page.locator('[id="unauthenticated"]')).toContainText('401');
  await expect(page.locator('body')).not.toContainText('Switchboard');
});

test('an unknown host gets the neutral 404, not the docs', async ({ page }) => {
  const response = await page.goto(`http://no-such-partner.localhost:${e2ePort}/docs/api`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
