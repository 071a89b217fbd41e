/**
 * `npm run bench:lighthouse`: Lighthouse's performance and accessibility scores, phone profile (Lighthouse's
 * default: a mid-range phone, simulated slow 4G and a 4× slower CPU), for the pages a new partner and a new client
 * see first: the partner sign-in page, the dashboard, the clients table and each step of the hosted onboarding
 * wizard. Builds the app (unless `--no-build`), starts `next start` on a database of its own with the demo data,
 * signs in and walks the wizard in Chromium, and hands each page with its cookies to Lighthouse.
 *
 * Target: accessibility 100 and performance ≥ 95 on every page. Performance is simulated from what this machine
 * measured, so a machine busy with other work scores lower: compare figures from one run.
 *
 * Uses DATABASE_URL's server when set (database `<name>_lighthouse`, made afresh), else an embedded database in
 * `.data/lighthouse`. CHROMIUM_PATH (default /usr/bin/chromium) and BENCH_PORT (default 3300) may be set.
 */
import '@/lib/config/load-env-files';
import { rmSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import postgres from 'postgres';
import { verhoeffCheckDigit } from '@/lib/kyc/validators/aadhaar';
import { gstinCheckCharacter } from '@/lib/kyc/validators/gstin';
import { buildUnlessReused, startNextServer, setBenchEnvironment } from './support/next-server';

const port = Number(process.env.BENCH_PORT ?? 3300);
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The flags the browser tests use (playwright.config.ts): headless Chromium as root, no background traffic.
const chromeFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const platform = `http://localhost:${port}`;
const acme = (path: string) => `http://acme.localhost:${port}${path}`;

const dataDir = '.data/lighthouse';
setBenchEnvironment(dataDir, platform);
buildUnlessReused();

const { linkUrl, owner } = await prepareDatabase();
const server = await startNextServer(port, platform);
const results: { page: string; performance: number; accessibility: number; failing: string[] }[] = [];
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags });
const browser = await chromium.launch({ executablePath: chromePath, args: chromeFlags });
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();

  await measure('Sign-in page', acme('/login'), page);
  await page.goto(acme('/login'));
  await page.getByLabel('E-mail').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(acme('/'));
  await measure('Dashboard', acme('/'), page);
  await measure('Clients table', acme('/clients'), page);

  // The wizard, as a prospect on a phone: a test link, where every code is 123456 and KYC is simulated.
  const prospect = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const wizard = await prospect.newPage();
  await wizard.goto(linkUrl);
  await measure('Wizard 1: details', linkUrl, wizard);
  await wizard.getByLabel('Mobile number').fill('9876501234');
  await wizard.getByLabel('Choose a password').fill('prospect-pass-42');
  await wizard.getByRole('button', { name: 'Continue' }).click();
  await wizard.getByLabel('Code sent by e-mail').waitFor();
  await measure('Wizard 2: e-mail and mobile codes', linkUrl, wizard);
  await wizard.getByLabel('Code sent by e-mail').fill('123456');
  await wizard.getByLabel('Code sent by SMS').fill('123456');
  await wizard.getByRole('button', { name: 'Verify', exact: true }).click();
  await wizard.getByRole('textbox', { name: 'PAN', exact: true }).waitFor();
  await measure('Wizard 3: PAN', linkUrl, wizard);
  await wizard.getByLabel('Type of business').selectOption({ label: 'Sole proprietorship' });
  await wizard.getByRole('textbox', { name: 'PAN', exact: true }).fill('KLMPS2468T');
  await wizard.getByRole('button', { name: 'Verify PAN' }).click();
  await wizard.getByRole('textbox', { name: 'Aadhaar number', exact: true }).waitFor();
  await measure('Wizard 4: Aadhaar number', linkUrl, wizard);
  await wizard.getByRole('textbox', { name: 'Aadhaar number', exact: true }).fill(validAadhaar());
  await wizard.getByRole('button', { name: 'Send OTP' }).click();
  await wizard.getByRole('textbox', { name: 'Aadhaar OTP', exact: true }).waitFor();
  await measure('Wizard 4: Aadhaar OTP', linkUrl, wizard);
  await wizard.getByRole('textbox', { name: 'Aadhaar OTP', exact: true }).fill('123456');
  await wizard.getByRole('button', { name: 'Verify Aadhaar' }).click();
  await wizard.getByRole('textbox', { name: 'GSTIN', exact: true }).waitFor();
  await measure('Wizard 5: GST', linkUrl, wizard);
  await wizard.getByRole('textbox', { name: 'GSTIN', exact: true }).fill(gstinFor('KLMPS2468T'));
  await wizard.getByRole('button', { name: 'Continue' }).click();
  await wizard.getByTestId('signature-canvas').waitFor();
  await measure('Wizard 6: review and sign', linkUrl, wizard);
  await wizard.getByLabel('Or type your name to sign').fill('Priya Prospect');
  await wizard.getByRole('button', { name: 'Accept and open my account' }).click();
  await wizard.getByRole('heading', { level: 1, name: 'Your account is ready' }).waitFor();
  await measure('Wizard: done', linkUrl, wizard);
} finally {
  await browser.close();
  chrome.kill();
  server.kill('SIGTERM');
}

console.log('\nLighthouse, phone profile (simulated slow 4G, 4× CPU slowdown) — target: performance ≥ 95, accessibility 100\n');
console.log('page'.padEnd(36), 'performance'.padStart(12), 'accessibility'.padStart(14));
for (const r of results) {
  const flag = r.performance < 95 || r.accessibility < 100 ? '  ← below target' : '';
  console.log(r.page.padEnd(36), String(r.performance).padStart(12), String(r.accessibility).padStart(14), flag);
}
const failing = results.filter((r) => r.failing.length);
if (failing.length) {
  console.log('\nWhat costs points:');
  for (const r of failing) console.log(`  ${r.page}: ${r.failing.join('; ')}`);
}
console.log('');
process.exit(0);

/** Runs Lighthouse on a URL as the given page's browser context sees it (its cookies). */
async function measure(name: string, url: string, page: Page) {
  const cookies = await page.context().cookies(url);
  const Cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const run = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], extraHeaders: Cookie ? { Cookie } : {} });
  if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits, finalDisplayedUrl } = run.lhr;
  if (new URL(finalDisplayedUrl).pathname !== new URL(url).pathname) throw new Error(`${name}: Lighthouse landed on ${finalDisplayedUrl}, not ${url}`);
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const lost = Object.values(categories)
    .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0).map((ref) => audits[ref.id]!))
    .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative')
    .map((audit) => `${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
  results.push({ page: name, performance: score('performance'), accessibility: score('accessibility'), failing: lost });
  console.log(`${name}: performance ${score('performance')}, accessibility ${score('accessibility')}`);
}

function validAadhaar() {
  return `52345678901${verhoeffCheckDigit('52345678901')}`;
}

/** A GSTIN holding the PAN (state 27, entity 1), with its check character. */
function gstinFor(pan: string) {
  const first14 = `27${pan}1Z`;
  return `${first14}${gstinCheckCharacter(first14)}`;
}

/** The demo data (partners, owners, clients) and a test onboarding link of Acme's. */
async function prepareDatabase() {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    const name = `${decodeURIComponent(url.pathname.slice(1)) || 'postgres'}_lighthouse`;
    const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
  } else {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const { closeDatabase } = await import('@/db');
  const { migrateDatabase } = await import('@/db/migrate');
  const { seedDemo, demoPassword } = await import('@/lib/demo/seed-demo');
  const { findPartnerBySlug } = await import('@/lib/partners/get-partner');
  const { ensureSandbox } = await import('@/lib/partners/sandbox');
  const { createOnboardingLink } = await import('@/lib/onboarding/onboarding-links');
  const { systemCtx } = await import('@/lib/audit/context');
  await migrateDatabase();
  await seedDemo();
  const acme = await findPartnerBySlug(systemCtx, 'acme');
  if (!acme) throw new Error('The demo seed made no partner "acme".');
  const sandboxId = await ensureSandbox(acme.id);
  const link = await createOnboardingLink({ ...systemCtx, partnerId: sandboxId }, { prefill: { name: 'Priya Prospect', email: 'priya@example.test' }, expires_in_days: 7 });
  // An embedded database must be closed before the server opens its folder.
  await closeDatabase();
  return { linkUrl: link.url, owner: { email: 'owner@acme.test', password: demoPassword } };
}
