import { spawn, type ChildProcess } from 'node:child_process';
import { call, expectProblem } from './support/http';
import { expect, test } from './support/fixtures';
import { sharedDatabase } from './support/shared-database';
import { e2eEnv, e2ePort } from '../support/server-env';

test('past the partner’s limit a request is 429 with Retry-After and the RateLimit fields', async ({ operator }) => {
  const partner = await operator.createPartner('limited');
  await operator.setRateLimit(partner.id, 3);
  const key = await operator.createApiKey(partner.id, { name: 'Limited', mode: 'live', scopes: ['clients:read'] });

  for (let i = 1; i <= 3; i++) {
    const ok = await call('GET', '/partner', { key });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('ratelimit-policy')).toBe('"hourly";q=3;w=3600');
    expect(ok.headers.get('ratelimit')).toMatch(new RegExp(`^"hourly";r=${3 - i};t=\\d+$`));
    expect(ok.json.rate_limit).toEqual({ limit: 3, window_seconds: 3600 });
  }
  const refused = await call('GET', '/clients', { key });
  const problem = expectProblem(refused, 429, 'rate_limited');
  expect(problem.detail).toContain('3 requests an hour');
  const retryAfter = Number(refused.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(3600);
  expect(refused.headers.get('ratelimit')).toBe(`"hourly";r=0;t=${retryAfter}`);
  expect(refused.headers.get('ratelimit-policy')).toBe('"hourly";q=3;w=3600');

  // Back to the tier's limit: the partner may go on at once.
  await operator.setRateLimit(partner.id, null);
  expect((await call('GET', '/partner', { key })).status).toBe(200);
});

/** A second `next start` on the same database, as a second instance behind a load balancer would be. */
async function startSecondInstance(port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], { env: { ...e2eEnv, NODE_ENV: 'production', PLATFORM_URL: `http://localhost:${port}` }, stdio: 'ignore', detached: true });
  await expect
    .poll(async () => (await fetch(`http://localhost:${port}/api/v1/openapi.json`).catch(() => undefined))?.status, { timeout: 60_000, intervals: [500] })
    .toBe(200);
  return server;
}

test('two instances share one limit', async ({ operator }) => {
  test.skip(!sharedDatabase, 'needs DATABASE_URL: a second server cannot open the first one’s in-memory database');
  test.setTimeout(120_000);
  const port = e2ePort + 1;
  const second = await startSecondInstance(port);
  try {
    const partner = await operator.createPartner('shared');
    await operator.setRateLimit(partner.id, 6);
    const key = await operator.createApiKey(partner.id, { name: 'Shared', mode: 'live', scopes: ['clients:read'] });
    const origins = [`http://localhost:${e2ePort}`, `http://localhost:${port}`];
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await fetch(`${origins[i % 2]}/api/v1/partner`, { headers: { Authorization: `Bearer ${key}` } });
      statuses.push(response.status);
      if (response.status === 429) expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    // Each instance alone would allow 6; together they allow 6.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
  } finally {
    if (second.pid) process.kill(-second.pid, 'SIGTERM');
  }
});
