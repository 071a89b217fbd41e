import { call, expectNoInternals, expectProblem } from './support/http';
import { expect, test } from './support/fixtures';

const endpointBody = { url: 'https://hooks.example.test/errors', event_types: ['*'] };
const someClientId = 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t';

test('a body that is not JSON is 400 invalid_json', async ({ world }) => {
  const answer = expectProblem(await call('POST', '/webhook_endpoints', { key: world.a.test, rawBody: '{"url": ', headers: { 'Content-Type': 'application/json' } }), 400, 'invalid_json');
  expect(answer.detail).toMatch(/^The body is not valid JSON/);
});

test('an unknown body field is 400 unknown_fields, pointing at the field', async ({ world }) => {
  const answer = expectProblem(await call('POST', '/webhook_endpoints', { key: world.a.test, body: { ...endpointBody, extra: 1 } }), 400, 'unknown_fields');
  expect(answer.detail).toContain('extra');
  expect(answer.errors).toEqual([{ pointer: '/extra', message: 'Unknown field “extra”.' }]);
});

test('an unknown query parameter is 400 unknown_fields, also where an operation takes no query', async ({ world }) => {
  const listing = expectProblem(await call('GET', '/clients?limit=5&colour=red', { key: world.a.live }), 400, 'unknown_fields');
  expect(listing.errors).toEqual([{ pointer: '/query/colour', message: 'Unknown field “colour”.' }]);
  const whoami = expectProblem(await call('GET', '/partner?verbose=1', { key: world.a.live }), 400, 'unknown_fields');
  expect(whoami.errors?.[0]?.pointer).toBe('/query/verbose');
});

test('a body that is not JSON by its content type is 415', async ({ world }) => {
  const answer = expectProblem(await call('POST', '/webhook_endpoints', { key: world.a.test, rawBody: 'url=https://x.example', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type');
  expect(answer.detail).toContain('application/x-www-form-urlencoded');
});

test('a body over 1 MiB is 413', async ({ world }) => {
  const big = JSON.stringify({ ...endpointBody, description: 'x'.repeat(1024 * 1024) });
  expectProblem(await call('POST', '/webhook_endpoints', { key: world.a.test, rawBody: big, headers: { 'Content-Type': 'application/json' } }), 413, 'payload_too_large');
});

test('an unknown route is a problem+json 404, with or without a key', async ({ world }) => {
  for (const key of [undefined, world.a.live]) {
    const answer = expectProblem(await call('GET', '/no/such/thing', { key }), 404, 'route_not_found');
    expect(answer.detail).toContain('/api/v1/no/such/thing');
  }
  expectProblem(await call('POST', '/clientz', { key: world.a.live, body: {} }), 404, 'route_not_found');
});

test('/api/v1 itself is a problem+json 404, not an HTML page', async ({ world }) => {
  for (const key of [undefined, world.a.live]) {
    const answer = expectProblem(await call('GET', '', { key }), 404, 'route_not_found');
    expect(answer.detail).toBe('No operation at GET /api/v1; see /docs/api.');
  }
  expectProblem(await call('POST', '', { key: world.a.live, body: {} }), 404, 'route_not_found');
});

test('a method a path does not serve is 405 with Allow', async ({ world }) => {
  const answer = await call('DELETE', '/clients', { key: world.a.live });
  expectProblem(answer, 405, 'method_not_allowed');
  expect(answer.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  const put = await call('PUT', '/partner', { key: world.a.live, body: {} });
  expectProblem(put, 405, 'method_not_allowed');
  expect(put.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  // HEAD only where GET is served, and every method a path serves, in order.
  const postOnly = await call('GET', `/clients/${someClientId}/status`, { key: world.a.live });
  expectProblem(postOnly, 405, 'method_not_allowed');
  expect(postOnly.headers.get('allow')).toBe('OPTIONS, POST');
  const several = await call('PUT', '/webhook_endpoints/we_01kaz3d4mqf2v8n6w0c1e5rj7t', { key: world.a.test, body: {} });
  expectProblem(several, 405, 'method_not_allowed');
  expect(several.headers.get('allow')).toBe('DELETE, GET, HEAD, OPTIONS, PATCH');
});

test('OPTIONS answers 204 with the same Allow as the 405', async () => {
  const answer = await call('OPTIONS', '/clients');
  expect(answer.status).toBe(204);
  expect(answer.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
});

test('the OpenAPI document answers other methods with a problem+json 405', async () => {
  const answer = expectProblem(await call('POST', '/openapi.json', { body: {} }), 405, 'method_not_allowed');
  expect(answer.detail).toBe('POST is not allowed here; use GET.');
  expect((await call('DELETE', '/openapi.json')).headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  expect((await call('GET', '/openapi.json')).status).toBe(200);
});

test('invalid fields are 400 validation_failed with a JSON pointer to each', async ({ world }) => {
  const body = expectProblem(await call('POST', `/clients/${someClientId}/status`, { key: world.a.live, body: { status: 'paused', reason: 'x' } }), 400, 'validation_failed');
  expect(body.errors?.map((e) => e.pointer).sort()).toEqual(['/reason', '/status']);
  expect(body.detail).toBe('2 fields are invalid.');

  const missing = expectProblem(await call('POST', `/clients/${someClientId}/status`, { key: world.a.live, body: { status: 'active' } }), 400, 'validation_failed');
  expect(missing.errors).toEqual([{ pointer: '/reason', message: expect.any(String) }]);

  const path = expectProblem(await call('GET', '/clients/not-an-id', { key: world.a.live }), 400, 'validation_failed');
  expect(path.errors?.[0]?.pointer).toBe('/path/client_id');

  const query = expectProblem(await call('GET', '/clients?status=sleeping', { key: world.a.live }), 400, 'validation_failed');
  expect(query.errors?.[0]?.pointer).toBe('/query/status');
});

test('a registration with missing and mistyped fields hears about every field at once, in sentences', async ({ world }) => {
  const answer = expectProblem(await call('POST', '/registrations', { key: world.a.test, body: { email: 'not-an-address', country_code: 91 } }), 400, 'validation_failed');
  expect(answer.detail).toBe('5 fields are invalid.');
  const byPointer = Object.fromEntries((answer.errors ?? []).map((e) => [e.pointer, e.message]));
  expect(byPointer).toEqual({
    '/name': 'This field is required.',
    '/email': 'Enter a valid e-mail address.',
    '/mobile': 'This field is required.',
    '/country_code': 'This must be text, not a number.',
    '/password': 'This field is required.',
  });

  const oneField = expectProblem(await call('POST', '/registrations', { key: world.a.test, body: { name: 'Kiran', email: 'kiran@example.test', mobile: '9876543210', password: 42 } }), 400, 'validation_failed');
  expect(oneField.detail).toBe('password: This must be text, not a number.');
  const listing = expectProblem(await call('GET', '/clients?limit=many', { key: world.a.live }), 400, 'validation_failed');
  for (const message of [oneField.detail, ...(listing.errors ?? []).map((e) => e.message)]) expect(message).not.toMatch(/Invalid input|expected \w+, received/);
});

test('every answer carries a request id, and success answers carry the rate limit', async ({ world }) => {
  const ok = await call('GET', '/partner', { key: world.a.live });
  expect(ok.status).toBe(200);
  expect(ok.headers.get('content-type')).toBe('application/json');
  expect(ok.headers.get('x-request-id')).toMatch(/^req_/);
  expect(ok.headers.get('ratelimit-policy')).toMatch(/^"hourly";q=\d+;w=3600$/);
  expect(ok.headers.get('ratelimit')).toMatch(/^"hourly";r=\d+;t=\d+$/);
  expectNoInternals(ok.text);
});
