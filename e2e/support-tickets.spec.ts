import { expect, test } from '@playwright/test';
import { partnerIdBySlug, seedClientWithOwner, sharedDatabase } from './api/support/shared-database';
import { createPartnerWithOwner, partnerHostUrl, platformUrl, signIn, signInAsOperator, uniqueSlug } from './support/console';

/**
 * Support in the consoles: a partner opens a ticket with the platform (a fake screenshot is refused beside the
 * file picker, a real one kept), the operator answers with an internal note and a public reply, and the partner
 * sees only the reply.
 */

const partner = { slug: uniqueSlug('sup'), name: 'Support Telecom E2E' };
const owner = { name: 'Sunita Owner', email: `sunita-${partner.slug}@example.test` };
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test('a partner opens a ticket with the platform, the operator replies and notes, the partner sees only the reply', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAsOperator(page);
  const password = await createPartnerWithOwner(page, partner, owner);

  const partnerContext = await browser.newContext();
  const console = await partnerContext.newPage();
  await signIn(console, partnerHostUrl(partner.slug, '/login'), owner.email, password);
  await expect(console.getByRole('heading', { name: /Welcome, Sunita/ })).toBeVisible();
  await console.getByRole('link', { name: 'Support' }).click();
  await console.getByRole('link', { name: 'Platform support' }).click();
  await console.getByRole('link', { name: 'New ticket' }).click();
  await console.getByLabel('Subject').fill('Numbers not routing');
  await console.getByLabel('Description').fill('Inbound calls to our DIDs ring out since this morning.');
  await console.getByLabel('Priority').selectOption('high');
  await console.getByLabel('Category').selectOption('numbers');
  // Text dressed up as a PNG is refused beside the picker, and what was typed stays.
  await console.getByLabel('Attachments').setInputFiles({ name: 'screen.png', mimeType: 'image/png', buffer: Buffer.from('not really an image') });
  await console.getByRole('button', { name: 'Open ticket' }).click();
  await expect(console.getByText('“screen.png” is not a PNG, JPEG, GIF, WebP or PDF file.')).toBeVisible();
  await expect(console.getByLabel('Subject')).toHaveValue('Numbers not routing');
  await console.getByLabel('Priority').selectOption('high');
  await console.getByLabel('Category').selectOption('numbers');
  await console.getByLabel('Attachments').setInputFiles({ name: 'screen.png', mimeType: 'image/png', buffer: png });
  await console.getByRole('button', { name: 'Open ticket' }).click();
  await expect(console.getByRole('heading', { name: 'Numbers not routing' })).toBeVisible();
  await expect(console.getByRole('link', { name: /screen\.png/ })).toBeVisible();
  const ticketUrl = console.url();
  const ticketId = ticketUrl.split('/').pop()!;
  expect(ticketId).toMatch(/^tkt_/);

  // The operator finds it in its queue and answers.
  await page.goto(platformUrl('/admin/support'));
  await page.getByRole('link', { name: 'Numbers not routing' }).click();
  await expect(page.getByText(`From ${partner.name}`)).toBeVisible();
  await page.getByLabel('Message').fill('Carrier trunk 3 is down for this partner (do not share)');
  await page.getByLabel('Internal note (the requester never sees it)').check();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('internal-note')).toContainText('do not share');
  await page.getByLabel('Message').fill('We have rerouted your numbers; please try a call now.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('public-reply')).toContainText('rerouted your numbers');
  await page.getByLabel('Assignee').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Ticket updated.')).toBeVisible();

  // The partner sees the reply, never the note.
  await console.goto(ticketUrl);
  await expect(console.getByTestId('public-reply')).toContainText('rerouted your numbers');
  await expect(console.getByTestId('internal-note')).toHaveCount(0);
  await expect(console.getByText('do not share')).toHaveCount(0);
  await expect(console.getByText('Open', { exact: true }).first()).toBeVisible();
  await console.getByRole('button', { name: 'Mark solved' }).click();
  await expect(console.getByText('(Open → Solved)')).toBeVisible();
  await expect(console.getByRole('button', { name: 'Mark solved' })).toHaveCount(0);
  await partnerContext.close();
});

test('a client member opens a ticket in the portal, the partner replies and notes, the member sees only the reply', async ({ page, browser }) => {
  test.skip(!sharedDatabase, 'The client and its owner are seeded straight into the server’s PostgreSQL (DATABASE_URL).');
  test.setTimeout(120_000);
  const slug = uniqueSlug('supp');
  const partnerOwner = { name: 'Pooja Owner', email: `pooja-${slug}@example.test` };
  await signInAsOperator(page);
  const password = await createPartnerWithOwner(page, { slug, name: 'Portal Support E2E' }, partnerOwner);
  const client = await seedClientWithOwner(await partnerIdBySlug(slug), { name: 'Kiran Traders', owner: { name: 'Kiran Member', email: `kiran-${slug}@example.test`, password: 'client-pass-2024' } });

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, partnerHostUrl(slug, '/login'), client.ownerEmail, 'client-pass-2024');
  await expect(member.getByRole('heading', { level: 1, name: 'Kiran Traders' })).toBeVisible();
  await member.getByRole('link', { name: 'Support' }).click();
  await member.getByLabel('Subject').fill('Cannot hear callers');
  await member.getByLabel('Description').fill('Callers say we sound fine, but we hear silence.');
  await member.getByLabel('Priority').selectOption('urgent');
  await member.getByRole('button', { name: 'Open ticket' }).click();
  await expect(member.getByRole('heading', { name: 'Cannot hear callers' })).toBeVisible();
  const ticketUrl = member.url();

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, partnerHostUrl(slug, '/login'), partnerOwner.email, password);
  await expect(staff.getByRole('heading', { name: /Welcome, Pooja/ })).toBeVisible();
  await staff.goto(partnerHostUrl(slug, '/support'));
  await staff.getByRole('link', { name: 'Cannot hear callers' }).click();
  await staff.getByLabel('Message').fill('Codec mismatch on their PBX, we force G.711 (internal)');
  await staff.getByLabel('Internal note (the requester never sees it)').check();
  await staff.getByRole('button', { name: 'Send' }).click();
  await expect(staff.getByTestId('internal-note')).toContainText('Codec mismatch');
  await staff.getByLabel('Message').fill('Fixed on our side; please try a call now.');
  await staff.getByRole('button', { name: 'Send' }).click();
  await expect(staff.getByTestId('public-reply')).toContainText('Fixed on our side');

  await member.goto(ticketUrl);
  await expect(member.getByTestId('public-reply')).toContainText('Fixed on our side');
  await expect(member.getByTestId('internal-note')).toHaveCount(0);
  await expect(member.getByText('Codec mismatch')).toHaveCount(0);
  await memberContext.close();
  await staffContext.close();
});
