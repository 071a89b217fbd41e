import { randomUUID } from 'node:crypto';
import { call, expectProblem } from './support/http';
import { expect, test } from './support/fixtures';

const body = (n: number) => ({ url: `https://hooks.example.test/idempotent/${n}`, event_types: ['*'] });

test('a retry with the same key and body replays the first answer and creates nothing new', async ({ world }) => {
  const key = randomUUID();
  const first = await call('POST', '/webhook_endpoints', { key: world.a.test, body: body(1), headers: { 'Idempotency-Key': key } });
  expect(first.status).toBe(201);
  expect(first.headers.get('idempotent-replayed')).toBeNull();

  const retry = await call('POST', '/webhook_endpoints', { key: world.a.test, body: body(1), headers: { 'Idempotency-Key': key } });
  expect(retry.status).toBe(201);
  expect(retry.headers.get('idempotent-replayed')).toBe('true');
  expect(retry.json).toEqual(first.json);

  const listed = await call('GET', '/webhook_endpoints?limit=100', { key: world.a.test });
  expect((listed.json.data as { url: string }[]).filter((e) => e.url === body(1).url)).toHaveLength(1);
});

test('an error the client caused is replayed too, with its request id', async ({ world }) => {
  const key = randomUUID();
  const path = '/clients/cli_01kaz3d4mqf2v8n6w0c1e5rj7t/status';
  const first = expectProblem(await call('POST', path, { key: world.a.live, body: { status: 'active', reason: 'Paid up' }, headers: { 'Idempotency-Key': key } }), 404, 'not_found');
  const retry = await call('POST', path, { key: world.a.live, body: { status: 'active', reason: 'Paid up' }, headers: { 'Idempotency-Key': key } });
  expectProblem(retry, 404, 'not_found');
  expect(retry.headers.get('idempotent-replayed')).toBe('true');
  expect(retry.json.request_id).toBe(first.request_id);
});

test('the same key with a different body is 422 idempotency_key_reused', async ({ world }) => {
  const key = randomUUID();
  expect((await call('POST', '/webhook_endpoints', { key: world.a.test, body: body(2), headers: { 'Idempotency-Key': key } })).status).toBe(201);
  expectProblem(await call('POST', '/webhook_endpoints', { key: world.a.test, body: body(3), headers: { 'Idempotency-Key': key } }), 422, 'idempotency_key_reused');
});

test('keys belong to one partner: another partner may use the same key', async ({ world }) => {
  const key = randomUUID();
  expect((await call('POST', '/webhook_endpoints', { key: world.a.test, body: body(4), headers: { 'Idempotency-Key': key } })).status).toBe(201);
  const other = await call('POST', '/webhook_endpoints', { key: world.b.test, body: body(4), headers: { 'Idempotency-Key': key } });
  expect(other.status).toBe(201);
  expect(other.headers.get('idempotent-replayed')).toBeNull();
});

test('two simultaneous requests with one key run once: the other is 409 or the same replayed answer', async ({ world }) => {
  for (let round = 0; round < 3; round++) {
    const key = randomUUID();
    const send = () => call('POST', '/webhook_endpoints', { key: world.a.test, body: body(10 + round), headers: { 'Idempotency-Key': key } });
    const answers = await Promise.all([send(), send()]);
    const created = answers.filter((a) => a.status === 201 && a.headers.get('idempotent-replayed') === null);
    expect(created).toHaveLength(1);
    const other = answers.find((a) => a !== created[0])!;
    if (other.status === 409) {
      expectProblem(other, 409, 'idempotency_in_progress');
      expect(other.headers.get('retry-after')).toBe('1');
    } else {
      expect(other.headers.get('idempotent-replayed')).toBe('true');
      expect(other.json).toEqual(created[0]!.json);
    }
  }
  const listed = await call('GET', '/webhook_endpoints?limit=100', { key: world.a.test });
  for (let round = 0; round < 3; round++) expect((listed.json.data as { url: string }[]).filter((e) => e.url === body(10 + round).url)).toHaveLength(1);
});

test('an Idempotency-Key over 255 characters is refused', async ({ world }) => {
  expectProblem(await call('POST', '/webhook_endpoints', { key: world.a.test, body: body(5), headers: { 'Idempotency-Key': 'k'.repeat(256) } }), 400, 'validation_failed');
});
