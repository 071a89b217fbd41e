import { Webhook } from 'standardwebhooks';
import { startReceiver } from '@/test/webhook-receiver';
import { apiClient, call, expectProblem } from './support/http';
import { expect, test } from './support/fixtures';

/**
 * Deliveries as a partner's receiver sees them, from the started server and its in-process worker. Sandbox
 * endpoints may point at this machine (the e2e server allows it for sandboxes only); live ones may not.
 */

type Delivery = { status: string; attempt_count: number; attempts: { response_status: number | null; succeeded: boolean }[] };

async function createEndpoint(key: string, url: string, eventTypes: ('*' | 'webhook_endpoint.test')[] = ['*']) {
  const created = await apiClient(key).POST('/webhook_endpoints', { body: { url, event_types: eventTypes } });
  expect(created.response.status).toBe(201);
  return created.data!;
}

async function sendTestEvent(key: string, endpointId: string) {
  const queued = await call('POST', `/webhook_endpoints/${endpointId}/test`, { key });
  expect(queued.status, queued.text).toBe(202);
  return queued.json as { id: string; event: { id: string } };
}

async function delivery(key: string, deliveryId: string): Promise<Delivery> {
  return (await call('GET', `/webhook_deliveries/${deliveryId}`, { key })).json as unknown as Delivery;
}

test('a receiver answering 500 then 200 gets the signed event twice, 5 s apart, and then no more', async ({ world }) => {
  test.setTimeout(45_000);
  const receiver = await startReceiver((_, index) => (index === 0 ? { status: 500, body: 'down for a moment' } : { status: 200 }));
  try {
    const endpoint = await createEndpoint(world.a.test, receiver.url);
    const queued = await sendTestEvent(world.a.test, endpoint.id);

    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(2);
    await expect.poll(async () => (await delivery(world.a.test, queued.id)).status, { timeout: 5_000 }).toBe('succeeded');

    // Both attempts carry the same event id, and each verifies with the reference library and the endpoint's secret.
    const verifier = new Webhook(endpoint.secret);
    for (const { headers, body } of receiver.received) {
      expect(headers['webhook-id']).toBe(queued.event.id);
      expect(verifier.verify(body, headers as Record<string, string>)).toMatchObject({ id: queued.event.id, type: 'webhook_endpoint.test' });
    }
    const [first, second] = receiver.received.map((request) => Number(request.headers['webhook-timestamp']));
    expect(second! - first!).toBeGreaterThanOrEqual(4);

    const settled = await delivery(world.a.test, queued.id);
    expect(settled).toMatchObject({ status: 'succeeded', attempt_count: 2 });
    expect(settled.attempts.map((attempt) => attempt.response_status)).toEqual([500, 200]);

    // Nothing further arrives once it has succeeded.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(receiver.received).toHaveLength(2);
    expect((await call('DELETE', `/webhook_endpoints/${endpoint.id}`, { key: world.a.test })).status).toBe(200);
  } finally {
    await receiver.close();
  }
});

test('an endpoint answering 410 Gone is disabled, and refuses further test events', async ({ world }) => {
  const receiver = await startReceiver(() => ({ status: 410, body: 'gone' }));
  try {
    const endpoint = await createEndpoint(world.a.test, receiver.url);
    const queued = await sendTestEvent(world.a.test, endpoint.id);

    await expect
      .poll(async () => (await apiClient(world.a.test).GET('/webhook_endpoints/{endpoint_id}', { params: { path: { endpoint_id: endpoint.id } } })).data?.status, { timeout: 15_000 })
      .toBe('disabled');
    const disabled = (await apiClient(world.a.test).GET('/webhook_endpoints/{endpoint_id}', { params: { path: { endpoint_id: endpoint.id } } })).data!;
    expect(disabled.disabled_reason).toMatch(/410/);
    expect(await delivery(world.a.test, queued.id)).toMatchObject({ status: 'failed', attempt_count: 1 });

    expectProblem(await call('POST', `/webhook_endpoints/${endpoint.id}/test`, { key: world.a.test }), 409, 'conflict');
    expect(receiver.received).toHaveLength(1);
  } finally {
    await receiver.close();
  }
});

test('a live endpoint must be https to a public address: private, loopback and link-local targets are refused', async ({ world }) => {
  const refusals: [string, RegExp][] = [
    ['http://hooks.example.com/webhooks', /https/],
    ['https://127.0.0.1/hooks', /private|loopback|public/i],
    ['https://localhost/hooks', /private|loopback|public/i],
    ['https://10.1.2.3/hooks', /private|public/i],
    ['https://169.254.169.254/latest/meta-data', /private|link-local|public/i],
    ['https://[::1]/hooks', /private|loopback|public/i],
  ];
  for (const [url, reason] of refusals) {
    const refused = expectProblem(await call('POST', '/webhook_endpoints', { key: world.a.live, body: { url, event_types: ['*'] } }), 400, 'validation_failed');
    expect(refused.errors, url).toEqual([{ pointer: '/url', message: expect.stringMatching(reason) }]);
  }

  // An accepted endpoint cannot be pointed somewhere private afterwards either. It listens for test events only,
  // so no live event of the run is ever posted to that public address.
  const endpoint = await createEndpoint(world.a.live, 'https://93.184.215.14/hooks', ['webhook_endpoint.test']);
  try {
    const moved = expectProblem(await call('PATCH', `/webhook_endpoints/${endpoint.id}`, { key: world.a.live, body: { url: 'https://192.168.1.10/hooks' } }), 400, 'validation_failed');
    expect(moved.errors?.[0]?.pointer).toBe('/url');
    expect((await apiClient(world.a.live).GET('/webhook_endpoints/{endpoint_id}', { params: { path: { endpoint_id: endpoint.id } } })).data?.url).toBe('https://93.184.215.14/hooks');
  } finally {
    expect((await call('DELETE', `/webhook_endpoints/${endpoint.id}`, { key: world.a.live })).status).toBe(200);
  }
});
