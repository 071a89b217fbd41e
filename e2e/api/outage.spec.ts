import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { e2eDatabase, e2eEnv } from '../support/server-env';
import { canRunPostgres, freePort, startAppServer, stopAppServer, ThrowawayPostgres } from './support/throwaway-postgres';

// PostgreSQL's outage is this test's own: a cluster started for it alone, never the one the other tests use.
test.skip(!e2eDatabase || !canRunPostgres, 'needs PostgreSQL (DATABASE_URL) and its server binaries');
test.setTimeout(120_000);

type Sample = { at: number; ms: number; status: number; contentType: string | null; retryAfter: string | null; code?: string };

let cluster: ThrowawayPostgres;
let server: ChildProcess;
let base = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  cluster = await ThrowawayPostgres.create();
  const port = await freePort();
  base = `http://localhost:${port}`;
  server = await startAppServer({ ...e2eEnv, NODE_ENV: 'production', DATABASE_URL: cluster.url, PLATFORM_URL: `http://localhost:${port}`, WORKER_IN_PROCESS: 'false', LOG_LEVEL: 'silent' }, port);
});

test.afterAll(async () => {
  if (server) stopAppServer(server);
  await cluster?.destroy();
});

/** A request that needs the database: an unknown API key is looked up every time (nothing to cache). */
async function sample(started: number): Promise<Sample> {
  const begun = performance.now();
  const response = await fetch(`${base}/api/v1/partner`, { headers: { Authorization: `Bearer sk_live_${randomBytes(16).toString('hex')}` } });
  const body = (await response.json().catch(() => ({}))) as { code?: string };
  return { at: begun - started, ms: performance.now() - begun, status: response.status, contentType: response.headers.get('content-type'), retryAfter: response.headers.get('retry-after'), code: body.code };
}

test('under load, a PostgreSQL outage answers 503 with Retry-After within 2 s, and the server recovers within 5 s', async () => {
  const started = performance.now();
  const samples: Sample[] = [];
  let running = true;
  const workers = Array.from({ length: 8 }, async () => {
    while (running) samples.push(await sample(started));
  });

  await new Promise((resolve) => setTimeout(resolve, 1500));
  const stoppedAt = performance.now() - started;
  await cluster.stop();
  await new Promise((resolve) => setTimeout(resolve, 3000));

  // While it is away: liveness says the process is fine, readiness says why it is not ready, pages say so.
  expect((await fetch(`${base}/api/health`)).status).toBe(200);
  const ready = await fetch(`${base}/api/ready`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
  const page = await fetch(`${base}/login`, { headers: { host: 'acme.localhost' } });
  expect(page.status).toBe(503);
  expect(page.headers.get('retry-after')).toBe('2');
  expect(await page.text()).toContain('Temporarily unavailable');

  const restartedAt = performance.now() - started;
  await cluster.start();
  const back = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 5000));
  running = false;
  await Promise.all(workers);

  const before = samples.filter((s) => s.at + s.ms < stoppedAt);
  // Enough answers before the stop to show the server was serving (fewer arrive on a busy machine).
  expect(before.length).toBeGreaterThanOrEqual(5);
  expect(new Set(before.map((s) => s.status))).toEqual(new Set([401]));

  // Never a 500, and never a wait past the connect timeout, from the stop on.
  const after = samples.filter((s) => s.at >= stoppedAt);
  expect(after.filter((s) => s.status >= 500 && s.status !== 503)).toEqual([]);
  expect(Math.max(...after.map((s) => s.ms))).toBeLessThan(2500);

  // From 2 s after the stop until the restart: every answer is the 503 problem, with Retry-After.
  const outage = samples.filter((s) => s.at >= stoppedAt + 2000 && s.at + s.ms < restartedAt);
  expect(outage.length).toBeGreaterThan(10);
  for (const s of outage) expect(s).toMatchObject({ status: 503, contentType: 'application/problem+json', retryAfter: '2', code: 'service_unavailable' });
  const first503 = samples.find((s) => s.at >= stoppedAt && s.status === 503)!;
  expect(first503.at + first503.ms - stoppedAt).toBeLessThan(2000);

  // Recovered by itself: answers are as before within 5 s of PostgreSQL accepting connections again.
  const recovered = samples.find((s) => s.at >= back && s.status === 401);
  expect(recovered, 'no normal answer after the restart').toBeDefined();
  expect(recovered!.at - back).toBeLessThan(5000);
  console.log(`outage: ${samples.length} requests; first 503 ${Math.round(first503.at + first503.ms - stoppedAt)} ms after the stop; slowest answer ${Math.round(Math.max(...after.map((s) => s.ms)))} ms; normal again ${Math.round(recovered!.at - back)} ms after the restart`);
  const settled = samples.filter((s) => s.at >= recovered!.at + 500);
  expect(settled.filter((s) => s.status !== 401)).toEqual([]);
  expect((await fetch(`${base}/api/ready`)).status).toBe(200);
});
