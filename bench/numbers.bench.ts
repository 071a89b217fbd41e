/**
 * `npm run bench:numbers`: number search over an inventory of 1,000,000 available numbers. Builds them in a
 * PostgreSQL database of its own (`<DATABASE_URL's database>_numbers_bench`, dropped and made again each run),
 * spread over India's 22 circles and the three types (one in fifty not on sale), then times the inventory query search runs
 * (`queryAvailable`, a page of 20) in each pattern mode against an exact-number look-up (the unique index on
 * (environment, e164)) measured in the same run, and prints p50/p95 and their ratios. Target: p95 ≤ 20 ms.
 *
 * Needs DATABASE_URL (a million rows are a PostgreSQL question; the embedded database uses the same indexes).
 */
import '@/lib/config/load-env-files';
import { and, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { closeDatabase, getDb, openDatabase, setDatabaseForTests } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { numbers } from '@/db/schema';
import { queryAvailable } from '@/lib/numbers/search-numbers';

process.env.LOG_LEVEL = 'silent';

const baseUrl = process.env.DATABASE_URL;
if (!baseUrl) {
  console.error('bench:numbers needs DATABASE_URL (a PostgreSQL server it may create a database on).');
  process.exit(1);
}
const total = Number(process.env.BENCH_NUMBERS ?? 1_000_000);
const url = new URL(baseUrl);
const benchDb = `${url.pathname.slice(1) || 'postgres'}_numbers_bench`;
const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists "${benchDb}" with (force)`);
await admin.unsafe(`create database "${benchDb}"`);
await admin.end();
url.pathname = `/${benchDb}`;

setDatabaseForTests(openDatabase({ url: url.toString() }));
await migrateDatabase();
const db = getDb();

// Generated in SQL: ten-digit national numbers from a seeded sequence, a circle and a type each. The table's
// indexes are dropped first and built again after (as the migration defines them), which is far quicker than
// keeping a trigram index up to date row by row; the queries then meet the same indexes as in production.
const started = performance.now();
const indexes = (await db.execute(sql`select indexname, indexdef from pg_indexes where tablename = 'numbers' and indexname <> 'numbers_pkey' and indexname <> 'numbers_environment_e164_key'`)) as unknown as { indexname: string; indexdef: string }[];
for (const index of indexes) await db.execute(sql.raw(`drop index "${index.indexname}"`));
const circles = ['DL', 'MU', 'KO', 'TN', 'KA', 'AP', 'MH', 'GJ', 'KL', 'PB', 'HR', 'UE', 'UW', 'RJ', 'MP', 'WB', 'BR', 'OR', 'AS', 'NE', 'HP', 'JK'];
await db.execute(sql.raw(`
  insert into numbers (id, environment, carrier, e164, digits, country, region, type, status)
  select 'num_bench' || lpad(i::text, 17, '0'), 'live', 'simulator', '+91' || d, d, 'IN',
         (array[${circles.map((c) => `'${c}'`).join(',')}])[1 + i % 22],
         (array['local','local','mobile','toll_free']::number_type[])[1 + (i / 22) % 4],
         case when i % 50 = 0 then 'withdrawn'::number_status else 'available'::number_status end
  from (select i, lpad(((i::bigint * 2654435761) % 9000000000 + 1000000000)::text, 10, '0') as d from generate_series(1, ${total}) as i) s
  on conflict do nothing`));
for (const index of indexes) await db.execute(sql.raw(index.indexdef));
await db.execute(sql.raw(`analyze numbers`));
const [{ count }] = (await db.execute(sql`select count(*)::int as count from numbers`)) as unknown as [{ count: number }];
console.log(`\nGenerated ${count.toLocaleString('en')} numbers in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const [sample] = await db.select({ e164: numbers.e164, digits: numbers.digits }).from(numbers).where(eq(numbers.status, 'available')).offset(Math.floor(total / 3)).limit(1);
const digits = sample!.digits;

type Case = { name: string; run: () => Promise<number> };
const search = (pattern: string, mode: 'starts_with' | 'contains' | 'ends_with', region?: string) => async () =>
  (await queryAvailable('live', { country: 'IN', region, pattern, mode, limit: 20 })).length;
const cases: Case[] = [
  { name: 'exact number (baseline)', run: async () => (await db.select({ id: numbers.id }).from(numbers).where(and(eq(numbers.environment, 'live'), eq(numbers.e164, sample!.e164))).limit(1)).length },
  { name: `starts with ${digits.slice(0, 4)}`, run: search(digits.slice(0, 4), 'starts_with') },
  { name: `starts with ${digits.slice(0, 6)}`, run: search(digits.slice(0, 6), 'starts_with') },
  { name: `contains ${digits.slice(3, 7)}`, run: search(digits.slice(3, 7), 'contains') },
  { name: `contains ${digits.slice(4, 6)} (two digits)`, run: search(digits.slice(4, 6), 'contains') },
  { name: `ends with ${digits.slice(-4)}`, run: search(digits.slice(-4), 'ends_with') },
  { name: `ends with ${digits.slice(-4)} in MU`, run: search(digits.slice(-4), 'ends_with', 'MU') },
  { name: `contains ${digits.slice(2, 5)} (three digits)`, run: search(digits.slice(2, 5), 'contains') },
  { name: `contains ${digits.slice(4, 6)} in KA`, run: search(digits.slice(4, 6), 'contains', 'KA') },
  { name: 'no pattern, one circle', run: search('', 'contains', 'KA') },
  { name: 'no pattern, toll-free', run: async () => (await queryAvailable('live', { country: 'IN', type: 'toll_free', mode: 'contains', limit: 20 })).length },
  { name: 'no pattern, one circle, mobile', run: async () => (await queryAvailable('live', { country: 'IN', region: 'KA', type: 'mobile', mode: 'contains', limit: 20 })).length },
];

// Cases take turns, so a busy moment of the machine lands on each alike; 20 rounds warm up first.
const rows = new Map<Case, number>();
for (let i = 0; i < 20; i++) for (const c of cases) rows.set(c, await c.run());
const times = new Map<Case, number[]>(cases.map((c) => [c, []]));
const until = performance.now() + 30_000;
for (let round = 0; round < 300 && (round < 30 || performance.now() < until); round++) {
  for (const c of cases) {
    const t = performance.now();
    await c.run();
    times.get(c)!.push(performance.now() - t);
  }
}
const results = cases.map((c) => {
  const sorted = times.get(c)!.sort((a, b) => a - b);
  return { name: c.name, rows: rows.get(c)!, p50: sorted[Math.floor(sorted.length * 0.5)]!, p95: sorted[Math.floor(sorted.length * 0.95)]! };
});
const base = results[0]!;
console.log(`\nNumber search over ${count.toLocaleString('en')} numbers (page of 20; target p95 ≤ 20 ms)\n`);
console.log(`${'case'.padEnd(34)}${'rows'.padStart(6)}${'p50 ms'.padStart(10)}${'p95 ms'.padStart(10)}${'p50 ×'.padStart(9)}${'p95 ×'.padStart(9)}  target`);
for (const r of results) {
  console.log(`${r.name.padEnd(34)}${String(r.rows).padStart(6)}${r.p50.toFixed(2).padStart(10)}${r.p95.toFixed(2).padStart(10)}${(r.p50 / base.p50).toFixed(1).padStart(9)}${(r.p95 / base.p95).toFixed(1).padStart(9)}  ${r === base ? '' : r.p95 <= 20 ? 'met' : 'MISSED'}`);
}
await closeDatabase();
