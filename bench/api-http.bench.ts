/**
 * `npm run bench:api`: the REST chassis measured over HTTP against the production server. Builds the app,
 * starts `next start`, and loads two routes with autocannon in one run:
 *   - baseline: `GET /api/health`, a bare route handler returning static JSON;
 *   - `GET /api/v1/clients/{id}` with an API key: authentication, scope, rate limit, one indexed SELECT,
 *     response schema, request log.
 * It prints req/s and p99 for both, in two interleaved rounds, and their ratio (target ≥ 0.6).
 *
 * Uses DATABASE_URL when set, else an embedded database in `.data/bench` made afresh. `--no-build` reuses the
 * last build; BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 50) tune the load.
 */
import '@/lib/config/load-env-files';
import { rmSync } from 'node:fs';
import autocannon from 'autocannon';
import { buildUnlessReused, startNextServer, setBenchEnvironment } from './support/next-server';

const port = Number(process.env.BENCH_PORT ?? 3200);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const base = `http://localhost:${port}`;

// The set-up below and the server share these, so the key made here is the key the server knows.
const dataDir = '.data/bench';
// The worker runs apart (as with `npm run worker`), so these figures are the request path's alone.
setBenchEnvironment(dataDir, base, { WORKER_IN_PROCESS: 'false' });
buildUnlessReused();

const { apiKey, clientId } = await prepareDatabase();
const server = await startNextServer(port, base, 60_000);
try {
  const bare = { name: 'bare route handler, static JSON (baseline)', path: '/api/health', headers: {} };
  const chassis = { name: 'GET /api/v1/clients/{id} with an API key', path: `/api/v1/clients/${clientId}`, headers: { authorization: `Bearer ${apiKey}` } };
  for (const target of [bare, chassis]) await load(target.path, target.headers, 5); // JIT, caches, connection pools
  // Two interleaved rounds, so a slow patch of the machine does not land on one side only.
  const rounds: { baseline: autocannon.Result; measured: autocannon.Result }[] = [];
  for (let round = 0; round < 2; round++) {
    rounds.push({ baseline: await load(bare.path, bare.headers, seconds), measured: await load(chassis.path, chassis.headers, seconds) });
  }

  console.log(`\nREST chassis over HTTP — next start on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}, 2 rounds of ${seconds} s each, ${connections} connections\n`);
  console.log('round', 'target'.padEnd(46), 'req/s'.padStart(8), 'p99 ms'.padStart(8), 'failed'.padStart(8));
  rounds.forEach(({ baseline, measured }, index) => {
    for (const [name, r] of [[bare.name, baseline], [chassis.name, measured]] as const) {
      console.log(String(index + 1).padEnd(5), name.padEnd(46), r.requests.average.toFixed(0).padStart(8), String(r.latency.p99).padStart(8), String(r.non2xx + r.errors + r.timeouts).padStart(8));
    }
  });
  const mean = (pick: (r: (typeof rounds)[number]) => number) => rounds.reduce((sum, r) => sum + pick(r), 0) / rounds.length;
  const ratio = mean((r) => r.measured.requests.average) / mean((r) => r.baseline.requests.average);
  console.log(`\nratio (API ÷ baseline req/s, mean of rounds): ${ratio.toFixed(2)}  — target ≥ 0.60${ratio >= 0.6 ? '' : '  (below target)'}`);
  console.log(`p99, mean of rounds: ${mean((r) => r.measured.latency.p99).toFixed(0)} ms vs ${mean((r) => r.baseline.latency.p99).toFixed(0)} ms\n`);
  if (rounds.some(({ measured, baseline }) => [measured, baseline].some((r) => r.non2xx || r.errors || r.timeouts))) throw new Error('Some requests failed: the figures above are not comparable.');
} finally {
  server.kill('SIGTERM');
}

async function load(path: string, headers: Record<string, string>, duration: number) {
  return autocannon({ url: `${base}${path}`, headers, connections, duration });
}

/** A partner with a live key that may read clients, one client, and a limit the run cannot reach. */
async function prepareDatabase() {
  if (!process.env.DATABASE_URL) rmSync(dataDir, { recursive: true, force: true });
  const [{ closeDatabase }, { migrateDatabase }, { systemCtx }, { createPartner }, { setRateLimitOverride }, { createApiKey }, { seedClient }] = await Promise.all([
    import('@/db'),
    import('@/db/migrate'),
    import('@/lib/audit/context'),
    import('@/lib/partners/create-partner'),
    import('@/lib/partners/update-partner'),
    import('@/lib/api-keys/manage-api-keys'),
    import('@/lib/clients/seed-client'),
  ]);
  await migrateDatabase();
  const partner = await createPartner(systemCtx, { slug: `bench-${Date.now().toString(36)}`, name: 'Bench partner', tier: 'enterprise' });
  await setRateLimitOverride(systemCtx, { partnerId: partner.id, rateLimitPerHour: 1_000_000 });
  const { secret } = await createApiKey({ ...systemCtx, partnerId: partner.id }, { name: 'bench', mode: 'live', scopes: ['clients:read'] });
  const client = await seedClient({ ...systemCtx, partnerId: partner.id }, { name: 'Bench client', email: 'bench-client@example.test', status: 'active' });
  // An embedded database must be closed before the server opens its folder.
  await closeDatabase();
  return { apiKey: secret, clientId: client.id };
}
