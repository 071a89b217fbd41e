/**
 * `npm run bench`: what the REST chassis costs on the hot path, measured in-process (no HTTP server, so the
 * framework's own cost — see STACK.md — does not drown the difference). Every figure is compared with a
 * baseline measured in the same run: the domain call alone (one indexed SELECT).
 *
 * Uses DATABASE_URL when set, else an in-memory embedded database.
 */
import '@/lib/config/load-env-files';
import { openDatabase, setDatabaseForTests, closeDatabase, getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { rateLimitWindows } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { createPartner } from '@/lib/partners/create-partner';
import { createApiKey } from '@/lib/api-keys/manage-api-keys';
import { apiRoute } from '@/lib/api/route';
import { getPartnerOperation } from '@/lib/api/operations/partner';
import { describePartner } from '@/lib/partners/describe-partner';
import { setRateLimitForBench } from './support/rate-limit-override';
import { flushApiRequests } from '@/lib/api/request-log';

// Before the first log line reads the configuration.
process.env.LOG_LEVEL = 'silent';

setDatabaseForTests(openDatabase(process.env.DATABASE_URL ? {} : { pgliteDir: 'memory://' }));
await migrateDatabase();

const suffix = Date.now().toString(36);
async function partnerWithKey(slug: string) {
  const partner = await createPartner(systemCtx, { slug: `${slug}-${suffix}`, name: `Bench ${slug}` });
  const { secret } = await createApiKey({ ...systemCtx, partnerId: partner.id }, { name: 'bench', mode: 'live', scopes: ['clients:read'] });
  return { partner, secret };
}

const far = await partnerWithKey('bench-far');
const near = await partnerWithKey('bench-near');
// Put the second partner within 10 % of its limit: from here on every request goes to the shared counter.
const limit = 10_000_000;
await setRateLimitForBench(near.partner.id, limit);
// The far one gets the same limit, so its two runs of calls stay far from it.
await setRateLimitForBench(far.partner.id, limit);
const windowStart = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
await getDb().insert(rateLimitWindows).values({ partnerId: near.partner.id, windowStart, count: limit - 500_000 });

const handler = apiRoute(getPartnerOperation, ({ ctx }) => describePartner(ctx));
const context = { params: Promise.resolve({}) };
// On the platform host (any partner's key), or on the partner's own host (its key checked against the host's partner).
const call = (secret: string, host = 'localhost') => handler(new Request(`http://${host}/api/v1/partner`, { headers: { authorization: `Bearer ${secret}` } }), context);
const apiCtx = { partnerId: far.partner.id, livePartnerId: far.partner.id, environment: 'live' as const, apiKeyId: 'key_bench', scopes: [], requestId: 'req_bench', actor: { type: 'api_key' as const, id: 'key_bench', partnerId: far.partner.id } };

async function measure(name: string, run: () => Promise<unknown>, total = 3000, concurrency = 10) {
  for (let i = 0; i < 200; i++) await run(); // warm up caches and the JIT
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) {
        const result = await run();
        if (result instanceof Response && result.status !== 200) throw new Error(`${name}: status ${result.status}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { name, perSecond: total / seconds, meanMicros: (seconds * 1e6 * concurrency) / total };
}

const rss = () => process.memoryUsage().rss / 1024 / 1024;
const rssBefore = rss();
const baseline = await measure('domain call alone (baseline)', () => describePartner(apiCtx));
const results = [
  baseline,
  await measure('full chassis, far from the limit', () => call(far.secret)),
  await measure('full chassis, near the limit (shared counter per request)', () => call(near.secret)),
  await measure('full chassis, on the partner’s own host (host → partner, cached)', () => call(far.secret, `${far.partner.slug}.localhost`)),
];
await flushApiRequests();

console.log(`\nREST chassis hot path — ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}, 3000 calls, 10 in flight\n`);
console.log('case'.padEnd(62), 'calls/s'.padStart(9), 'mean µs'.padStart(9), 'vs baseline'.padStart(12));
for (const r of results) {
  console.log(r.name.padEnd(62), r.perSecond.toFixed(0).padStart(9), r.meanMicros.toFixed(0).padStart(9), `${(r.perSecond / baseline.perSecond).toFixed(2)}×`.padStart(12));
}
console.log(`\nRSS ${rssBefore.toFixed(0)} MB before, ${rss().toFixed(0)} MB after\n`);
await closeDatabase();
process.exit(0);
