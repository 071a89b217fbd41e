/**
 * `npm run bench:lists`: the client lists at a million clients. Builds a generated data set in a PostgreSQL
 * database of its own (`<DATABASE_URL's database>_lists_bench`, dropped and made again on every run): 1,000,000
 * clients, 200,000 of them held by one partner, the rest spread over 800 partners; for that partner, 5 %
 * inactive and 0.1 % pending. Then it calls the real domain list functions as that partner and prints p50/p95
 * of each filter against the unfiltered first page of the same list, measured in the same run.
 *
 * Needs DATABASE_URL (a million rows are a PostgreSQL question; the embedded database uses the same indexes).
 */
import '@/lib/config/load-env-files';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { closeDatabase, getDb, openDatabase, setDatabaseForTests } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import type { Ctx, PartnerCtx } from '@/lib/audit/context';
import { listPartners } from '@/lib/partners/list-partners';
import { listClients } from '@/lib/clients/manage-clients';
import { searchClients } from '@/lib/clients/search-clients';
import { listRegistrations } from '@/lib/onboarding/registration-queries';
import { generateListData, bigPartnerId } from './support/list-data';

process.env.LOG_LEVEL = 'silent';

const baseUrl = process.env.DATABASE_URL;
if (!baseUrl) {
  console.error('bench:lists needs DATABASE_URL (a PostgreSQL server it may create a database on).');
  process.exit(1);
}
const url = new URL(baseUrl);
const benchDb = `${url.pathname.slice(1) || 'postgres'}_lists_bench`;
const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists "${benchDb}" with (force)`);
await admin.unsafe(`create database "${benchDb}"`);
await admin.end();
url.pathname = `/${benchDb}`;

setDatabaseForTests(openDatabase({ url: url.toString() }));
await migrateDatabase();
const started = performance.now();
const counts = await generateListData(getDb());
console.log(`\nGenerated ${counts.clients.toLocaleString('en')} clients (${counts.bigPartnerClients.toLocaleString('en')} for one partner) and ${counts.registrations.toLocaleString('en')} registrations in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const ctx: PartnerCtx = { partnerId: bigPartnerId, actor: { type: 'partner_user', id: 'usr_bench', partnerId: bigPartnerId, role: 'owner' } };

type Case = { name: string; run: () => Promise<{ rows: number }> };

/**
 * Each case of a suite called in turn, one call at a time, 200 rounds (after 20 to warm the cache and the plans),
 * or as many rounds as fit in 30 s, at least 20. Taking turns means a busy moment of the machine lands on every
 * case alike, so the ratios to the baseline hold even where the absolute figures move.
 */
async function measureSuite(cases: Case[]) {
  const rows = new Map<Case, number>();
  for (let i = 0; i < 20; i++) for (const c of cases) rows.set(c, (await c.run()).rows);
  const times = new Map<Case, number[]>(cases.map((c) => [c, []]));
  const until = performance.now() + 30_000;
  for (let round = 0; round < 200 && (round < 20 || performance.now() < until); round++) {
    for (const c of cases) {
      const t = performance.now();
      await c.run();
      times.get(c)!.push(performance.now() - t);
    }
  }
  return cases.map((c) => {
    const sorted = times.get(c)!.sort((a, b) => a - b);
    return { name: c.name, rows: rows.get(c)!, p50: sorted[Math.floor(sorted.length * 0.5)]!, p95: sorted[Math.floor(sorted.length * 0.95)]! };
  });
}

// The row 20,000 from the top, so "deep page" is page 1,000 at 20 a page, read after it (the API's cursor).
const [deep] = await getDb().execute<{ id: string }>(sql`select id from clients where partner_id = ${bigPartnerId} order by id desc offset 19999 limit 1`);
const deepCursor = deep!.id;

const api = (name: string, filters: Parameters<typeof listClients>[1]): Case => ({ name, run: async () => ({ rows: (await listClients(ctx, filters)).data.length }) });
const table = (name: string, filters: Parameters<typeof searchClients>[1]): Case => ({ name, run: async () => ({ rows: (await searchClients(ctx, filters)).rows.length }) });
const operator: Ctx = { actor: { type: 'operator', id: 'opr_bench' } };
const partnerList = (name: string, options: Parameters<typeof listPartners>[1]): Case => ({ name, run: async () => ({ rows: (await listPartners(operator, options)).rows.length }) });
const regs = (name: string, filters: Parameters<typeof listRegistrations>[1]): Case => ({ name, run: async () => ({ rows: (await listRegistrations(ctx, filters)).data.length }) });

const suites: { title: string; cases: Case[] }[] = [
  {
    title: 'GET /api/v1/clients — listClients, 20 a page',
    cases: [
      api('first page, unfiltered (baseline)', { limit: 20 }),
      api('status=active', { limit: 20, status: 'active' }),
      api('status=pending (rare)', { limit: 20, status: 'pending' }),
      api('search= a surname (2 % of rows)', { limit: 20, search: 'iyer' }),
      api('search= an e-mail fragment (1 row)', { limit: 20, search: '123455' }),
      api('deep page (after row 20,000)', { limit: 20, starting_after: deepCursor }),
    ],
  },
  {
    title: 'Console clients table — searchClients, 20 a page, with the total',
    cases: [
      table('first page, unfiltered (baseline)', { pageSize: 20 }),
      table('status=active', { pageSize: 20, status: 'active' }),
      table('status=pending (rare)', { pageSize: 20, status: 'pending' }),
      table('search= a surname (2 % of rows)', { pageSize: 20, search: 'iyer' }),
      table('search= an e-mail fragment (1 row)', { pageSize: 20, search: '123455' }),
      table('page 1,000', { pageSize: 20, page: 1000 }),
      table('sorted by name', { pageSize: 20, sort: { id: 'name', desc: false } }),
    ],
  },
  {
    title: 'GET /api/v1/registrations — listRegistrations, 20 a page',
    cases: [
      regs('first page, unfiltered (baseline)', { limit: 20 }),
      regs('status=pending (rare)', { limit: 20, status: 'pending' }),
      regs('stage=gst (rare)', { limit: 20, stage: 'gst' }),
      regs('search= an e-mail fragment (1 row)', { limit: 20, search: '123455' }),
    ],
  },
  {
    title: 'Operator partners list — listPartners, 20 a page, with client counts',
    cases: [
      partnerList('first page, unfiltered (baseline)', { pageSize: 20 }),
      partnerList('search= a name fragment', { pageSize: 20, search: 'partner 42' }),
      partnerList('sorted by name, with the big partner', { pageSize: 20, sort: { id: 'name', desc: false } }),
    ],
  },
];

console.log('\nTarget: every filter within 2× its list\'s unfiltered first page, and p95 ≤ 20 ms.');
let failed = 0;
for (const suite of suites) {
  console.log(`\n${suite.title}\n`);
  console.log('case'.padEnd(40), 'rows'.padStart(5), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'p95 vs baseline'.padStart(16), '');
  const measured = await measureSuite(suite.cases);
  const baseline = measured[0]!;
  for (const r of measured) {
    const ratio = r.p95 / baseline.p95;
    // Within 2× of the baseline, or within a millisecond of it: below that the ratio measures noise.
    const ok = r.p95 <= 20 && (ratio <= 2 || r.p95 - baseline.p95 <= 1);
    if (!ok) failed++;
    console.log(r.name.padEnd(40), String(r.rows).padStart(5), r.p50.toFixed(2).padStart(8), r.p95.toFixed(2).padStart(8), `${ratio.toFixed(2)}×`.padStart(16), ok ? '' : ' ← over target');
  }
}
console.log(failed ? `\n${failed} case(s) over target.\n` : '\nEvery case within target.\n');

await closeDatabase();
process.exit(0);
