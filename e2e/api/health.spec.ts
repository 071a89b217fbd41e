import { expect, test } from '@playwright/test';

test('the liveness check answers on any host, uncached, without a session or the database', async ({ request, baseURL }) => {
  for (const host of ['localhost', 'unknown-partner.localhost']) {
    const answer = await request.get(`${baseURL}/api/health`, { headers: { host } });
    expect(answer.status()).toBe(200);
    expect(answer.headers()['cache-control']).toBe('no-store');
    expect(await answer.json()).toEqual({ status: 'ok' });
  }
});
