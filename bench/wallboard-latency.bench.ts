/**
 * `npm run bench:wallboard`: how long an agent's availability change takes to reach a wallboard on another app
 * instance. Builds the app (unless `--no-build`), starts two `next start` instances on one PostgreSQL
 * (DATABASE_URL, required: the embedded database is one process), opens the availability stream
 * (`GET /api/v1/agents/availability/stream`, the wallboard's server-sent events) on instance B, and makes
 * BENCH_CHANGES (default 200) changes with `PUT /api/v1/agents/{id}/availability` on instance A, one at a time.
 *
 * Printed, p50 and p99 in ms:
 *   - baseline: the PUT's own round trip on A (the change committed and answered);
 *   - A → B: from sending the change on A to its event arriving on B's stream (LISTEN/NOTIFY across instances);
 *   - B → B: the same with the change made on B itself, for comparison;
 * and the ratio of A → B to the baseline.
 */
import '@/lib/config/load-env-files';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

if (!process.env.DATABASE_URL) {
  console.error('bench:wallboard needs DATABASE_URL: two app instances must share one PostgreSQL.');
  process.exit(1);
}

const portA = Number(process.env.BENCH_PORT ?? 3550);
const portB = portA + 1;
const changes = Number(process.env.BENCH_CHANGES ?? 200);
const url = (port: number, path: string) => `http://localhost:${port}${path}`;

Object.assign(process.env, {
  DATA_DIR: '.data/bench',
  AUTH_SECRET: process.env.AUTH_SECRET ?? 'bench-only-secret-bench-only-secret-bench',
  ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? 'YmVuY2gtb25seS1rZXktYmVuY2gtb25seS1rZXktYmU=',
  DEMO_SEED: 'never',
  LOG_LEVEL: 'warn',
  PLATFORM_DOMAIN: 'localhost',
  PLATFORM_URL: url(portA, ''),
  WORKER_IN_PROCESS: 'false',
});

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { apiKey, agentId } = await prepareDatabase();
const servers: ChildProcess[] = [];
try {
  servers.push(await startServer(portA), await startServer(portB));
  const stream = await openStream(portB);
  const auth = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  let next: 'available' | 'break' = 'available';

  async function change(port: number): Promise<{ roundTrip: number; delivered: number }> {
    const target = next;
    next = next === 'available' ? 'break' : 'available';
    const arrived = stream.waitFor((agent) => agent.id === agentId && agent.availability === target);
    const started = performance.now();
    const response = await fetch(url(port, `/api/v1/agents/${agentId}/availability`), { method: 'PUT', headers: auth, body: JSON.stringify({ availability: target }) });
    const answered = performance.now();
    if (response.status !== 200) throw new Error(`PUT answered ${response.status}: ${await response.text()}`);
    const at = await arrived;
    return { roundTrip: answered - started, delivered: at - started };
  }

  for (let i = 0; i < 20; i++) await change(i % 2 ? portA : portB); // JIT, pools, the LISTEN connection
  const cross: { roundTrip: number; delivered: number }[] = [];
  const same: { roundTrip: number; delivered: number }[] = [];
  // Interleaved, so a slow patch of the machine does not land on one side only.
  for (let i = 0; i < changes; i++) {
    cross.push(await change(portA));
    same.push(await change(portB));
  }
  stream.close();

  const pct = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  };
  const line = (name: string, values: number[]) => console.log(name.padEnd(58), pct(values, 50).toFixed(1).padStart(8), pct(values, 99).toFixed(1).padStart(8));
  console.log(`\nWallboard update latency — two next start instances on one PostgreSQL, ${changes} changes each way\n`);
  console.log('measure'.padEnd(58), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8));
  line('baseline: PUT availability round trip on A', cross.map((c) => c.roundTrip));
  line('A → B: change sent on A to event received on B', cross.map((c) => c.delivered));
  line('B → B: change sent on B to event received on B', same.map((c) => c.delivered));
  const ratio = (p: number) => (pct(cross.map((c) => c.delivered), p) / pct(cross.map((c) => c.roundTrip), p)).toFixed(2);
  console.log(`\nratio A → B ÷ baseline: p50 ${ratio(50)}, p99 ${ratio(99)}; target: p99 under 1000 ms (${pct(cross.map((c) => c.delivered), 99) < 1000 ? 'met' : 'missed'})\n`);
} finally {
  for (const server of servers) server.kill('SIGTERM');
}

type StreamAgent = { id: string; availability: string };

/** The availability stream on one instance, read with fetch; `waitFor` resolves with the arrival time. */
async function openStream(port: number) {
  const controller = new AbortController();
  const response = await fetch(url(port, '/api/v1/agents/availability/stream'), { headers: { authorization: `Bearer ${apiKey}` }, signal: controller.signal });
  if (response.status !== 200 || !response.body) throw new Error(`stream answered ${response.status}`);
  const waiting: { match: (agent: StreamAgent) => boolean; resolve: (at: number) => void }[] = [];
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let snapshot: () => void = () => {};
  const ready = new Promise<void>((resolve) => (snapshot = resolve));
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const at = performance.now();
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(frame)?.[1];
          const data = /^data: (.+)$/m.exec(frame)?.[1];
          if (event === 'snapshot') snapshot();
          if (event !== 'agent' || !data) continue;
          const agent = JSON.parse(data) as StreamAgent;
          const index = waiting.findIndex((w) => w.match(agent));
          if (index >= 0) waiting.splice(index, 1)[0]!.resolve(at);
        }
      }
    } catch {
      // aborted at the end
    }
  })();
  await ready;
  return {
    waitFor: (match: (agent: StreamAgent) => boolean) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no event within 10 s')), 10_000);
        waiting.push({ match, resolve: (at) => (clearTimeout(timer), resolve(at)) });
      }),
    close: () => controller.abort(),
  };
}

/** A partner with a key for agents, a limit the run cannot reach, one client and one agent. */
async function prepareDatabase() {
  const [{ closeDatabase }, { migrateDatabase }, { systemCtx }, { createPartner }, { setRateLimitOverride }, { createApiKey }, { seedClient }, { createAgent }] = await Promise.all([
    import('@/db'),
    import('@/db/migrate'),
    import('@/lib/audit/context'),
    import('@/lib/partners/create-partner'),
    import('@/lib/partners/update-partner'),
    import('@/lib/api-keys/manage-api-keys'),
    import('@/lib/clients/seed-client'),
    import('@/lib/agents/manage-agents'),
  ]);
  await migrateDatabase();
  const partner = await createPartner(systemCtx, { slug: `wallboard-${Date.now().toString(36)}`, name: 'Wallboard bench', tier: 'enterprise' });
  const ctx = { ...systemCtx, partnerId: partner.id };
  await setRateLimitOverride(systemCtx, { partnerId: partner.id, rateLimitPerHour: 1_000_000 });
  const { secret } = await createApiKey(ctx, { name: 'bench', mode: 'live', scopes: ['agents:write'] });
  const client = await seedClient(ctx, { name: 'Bench client', email: `bench-${Date.now()}@example.test`, status: 'active' });
  const agent = await createAgent(ctx, client.id, { name: 'Bench agent', email: `agent-${Date.now()}@example.test`, phone: '+919876543210', password: 'Bench-pass-1' });
  await closeDatabase();
  return { apiKey: secret, agentId: agent.id };
}

async function startServer(port: number) {
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], { env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    if (await fetch(url(port, '/api/health')).then((r) => r.ok, () => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGTERM');
  throw new Error(`next start on ${port} did not answer within 60 s`);
}
