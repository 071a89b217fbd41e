/**
 * `npm run bench:ledger`: charges per second and their p99 on one hot client wallet, the ledger's worst case
 * (every charge locks the same wallet and the same prepaid balance), against a bare single-row
 * `UPDATE … SET balance = balance − x WHERE balance >= x` measured in the same run with the same concurrency.
 * A charge is the whole domain call: price look-up, the two-leg linked set, entries, the commission row and
 * its event. The final balance must be exact.
 *
 * Uses DATABASE_URL when set, else an in-memory embedded database (one connection: no real concurrency).
 * BENCH_CHARGES and BENCH_CONCURRENCY change the run's size.
 */
import '@/lib/config/load-env-files';
import { sql } from 'drizzle-orm';
import { closeDatabase, getDb, openDatabase, setDatabaseForTests } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { systemCtx } from '@/lib/audit/context';
import { seedClient } from '@/lib/clients/seed-client';
import { readAccount } from '@/lib/ledger/accounts';
import { partnerBook } from '@/lib/ledger/books';
import { chargeClient } from '@/lib/ledger/charge-client';
import { queueCounts } from '@/lib/ledger/charge-queue';
import { getConfig } from '@/lib/config';
import { addClientCredits } from '@/lib/ledger/client-credits';
import { creditPartner } from '@/lib/ledger/money-in';
import { priceOf } from '@/lib/prices/price-book';
import { createPartner } from '@/lib/partners/create-partner';

process.env.LOG_LEVEL = 'silent';

setDatabaseForTests(openDatabase(process.env.DATABASE_URL ? {} : { pgliteDir: 'memory://' }));
await migrateDatabase();

const total = Number(process.env.BENCH_CHARGES ?? 3_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 10);
const suffix = Date.now().toString(36);

async function timed(run: () => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const t = performance.now();
        await run();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: total / seconds, p50: latencies[Math.floor(latencies.length * 0.5)]!, p99: latencies[Math.floor(latencies.length * 0.99)]! };
}

// ——— the baseline: one row, one UPDATE, nothing else ———
const db = getDb();
await db.execute(sql`create table if not exists bench_wallet (id int primary key, balance bigint not null check (balance >= 0))`);
await db.execute(sql`insert into bench_wallet values (1, ${String(total * 10)}) on conflict (id) do update set balance = excluded.balance`);
const baseline = await timed(() => db.execute(sql`update bench_wallet set balance = balance - 1 where id = 1 and balance >= 1`));

// ——— the ledger: a charge on one hot wallet ———
const partner = await createPartner(systemCtx, { slug: `bench-ledger-${suffix}`, name: 'Bench ledger' });
const ctx = { ...systemCtx, partnerId: partner.id };
const client = await seedClient(ctx, { name: 'Hot wallet', email: `hot-${suffix}@example.com`, status: 'active' });
const price = await priceOf(db, partner.id, 'call_minute_outbound');
await creditPartner(systemCtx, { partnerId: partner.id, amount: String(price.wholesale * BigInt(total)), reference: `BENCH${suffix}` });
// Two timed runs and a warm-up of 100 charges (so neither run pays for the first statements' planning).
const warmUp = 100;
await creditPartner(systemCtx, { partnerId: partner.id, amount: String(price.wholesale * BigInt(total + warmUp)), reference: `BENCH${suffix}B` });
const walletStart = price.retail * BigInt(2 * total + warmUp) + 12_345n;
await addClientCredits(ctx, { clientId: client.id, amount: String(walletStart) });
const charge = () => chargeClient(ctx, { clientId: client.id, product: 'call_minute_outbound', objectId: '+911143104501' });
// The same charges with each in its own statement (LEDGER_BATCH_MAX=1), to show what sharing brings.
for (let i = 0; i < warmUp / concurrency; i++) await Promise.all(Array.from({ length: concurrency }, charge));
const config = getConfig();
const batchMax = config.LEDGER_BATCH_MAX;
config.LEDGER_BATCH_MAX = 1;
const alone = await timed(charge);
config.LEDGER_BATCH_MAX = batchMax;
const before = queueCounts();
const ledger = await timed(charge);

const book = partnerBook(partner.id);
const wallet = (await readAccount(db, book.wallet(client.id)))!.balance;
const prepaid = (await readAccount(db, book.prepaid))!.balance;
const exact = wallet === 12_345n && prepaid === 0n;

const f = (n: number) => n.toFixed(1);
const after = queueCounts();
const perStatement = (after.sets - before.sets) / Math.max(after.statements - before.statements, 1);
console.log(`ledger bench on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (one connection)'}: ${total} operations each, ${concurrency} at a time`);
console.log(`  baseline  bare single-row UPDATE      ${f(baseline.perSecond).padStart(8)} /s   p50 ${f(baseline.p50)} ms   p99 ${f(baseline.p99)} ms`);
console.log(`  unshared  charge, one statement each  ${f(alone.perSecond).padStart(8)} /s   p50 ${f(alone.p50)} ms   p99 ${f(alone.p99)} ms`);
console.log(`  ledger    charge on one hot wallet    ${f(ledger.perSecond).padStart(8)} /s   p50 ${f(ledger.p50)} ms   p99 ${f(ledger.p99)} ms`);
console.log(`  sharing   ${perStatement.toFixed(1)} charges per statement on average, up to ${batchMax}; ×${(ledger.perSecond / alone.perSecond).toFixed(2)} the unshared rate`);
console.log(`  ratio     ledger / baseline           ${(ledger.perSecond / baseline.perSecond).toFixed(3)} (p99 ×${(ledger.p99 / baseline.p99).toFixed(1)})`);
console.log(`  target    ≥ 500 charges/s: ${ledger.perSecond >= 500 ? 'met' : 'NOT met'}; final balances ${exact ? 'exact' : `WRONG (wallet ${wallet}, prepaid ${prepaid})`}`);
await db.execute(sql`drop table bench_wallet`);
await closeDatabase();
process.exit(exact ? 0 : 1);
