/**
 * `npm run bench:js`: the JavaScript a browser downloads to first show a page, gzipped, from the last
 * `next build` (run one first). A page's first load is the framework's root chunks plus the client chunks of
 * every segment on its route (layouts, error and not-found boundaries, the page). The baseline is the
 * framework's floor: the root chunks and the root layout alone, which no page can go below.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const pages: Record<string, string> = {
  'hosted onboarding wizard (/onboard/[token])': '/t/[host]/onboard/[token]',
  'console: new client wizard (/clients/new)': '/t/[host]/(console)/clients/new',
  'console: resumed registration (/clients/new/[id])': '/t/[host]/(console)/clients/new/[registrationId]',
  'console: clients table (/clients)': '/t/[host]/(console)/clients',
  'partner sign-in (/login)': '/t/[host]/login',
  'console: billing (/billing)': '/t/[host]/(console)/billing',
  'console: client wallet (/clients/[id]/wallet)': '/t/[host]/(console)/clients/[clientId]/wallet',
  'console: prices (/prices)': '/t/[host]/(console)/prices',
  'console: commissions (/commissions)': '/t/[host]/(console)/commissions',
  'operator: billing (/admin/billing)': '/admin/(console)/billing',
  'operator: price book (/admin/billing/prices)': '/admin/(console)/billing/prices',
  'operator: transfers (/admin/billing/transfers)': '/admin/(console)/billing/transfers',
  'console: dashboard with charts (/)': '/t/[host]/(console)',
  'console: metrics (/metrics)': '/t/[host]/(console)/metrics',
  'console: client usage (/clients/[id]/usage)': '/t/[host]/(console)/clients/[clientId]/usage',
  'operator: metrics (/admin/metrics)': '/admin/(console)/metrics',
};

const require = createRequire(import.meta.url);
const build = JSON.parse(readFileSync('.next/build-manifest.json', 'utf8')) as { rootMainFiles: string[] };
const gzipped = new Map<string, number>();
const sizeOf = (file: string) => gzipped.get(file) ?? gzipped.set(file, gzipSync(readFileSync(`.next/${file}`), { level: 9 }).length).get(file)!;
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function segmentChunks(route: string): Record<string, string[]> {
  const globals = globalThis as { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> };
  require(resolve(`.next/server/app${route}/page_client-reference-manifest.js`));
  return globals.__RSC_MANIFEST![`${route}/page`]!.entryJSFiles;
}

function firstLoad(files: Iterable<string>) {
  const unique = new Set([...build.rootMainFiles, ...files]);
  return [...unique].reduce((sum, file) => sum + sizeOf(file), 0);
}

const anyRoute = Object.values(pages)[0]!;
const floor = firstLoad(segmentChunks(anyRoute)['[project]/app/layout'] ?? []);

console.log('\nFirst-load JS, gzipped (level 9), from .next\n');
console.log('page'.padEnd(52), 'first load'.padStart(11), 'above floor'.padStart(12), 'vs floor'.padStart(9));
console.log('framework floor: root chunks + root layout (baseline)'.padEnd(52), kB(floor).padStart(11), '—'.padStart(12), '1.00×'.padStart(9));
for (const [name, route] of Object.entries(pages)) {
  const total = firstLoad(Object.values(segmentChunks(route)).flat());
  console.log(name.padEnd(52), kB(total).padStart(11), kB(total - floor).padStart(12), `${(total / floor).toFixed(2)}×`.padStart(9));
}
console.log('');
