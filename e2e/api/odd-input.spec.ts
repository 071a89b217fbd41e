import { call, expectNoInternals, expectProblem } from './support/http';
import { expect, test } from './support/fixtures';
import { rawRequest, type RawAnswer } from './support/raw-http';
import { e2ePort } from '../support/server-env';

const someClientId = 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t';

function expectRawProblem(answer: RawAnswer, status: number, code: string) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers['content-type']).toBe('application/problem+json');
  expect(answer.json).toMatchObject({ status, code, request_id: expect.stringMatching(/^req_/) });
  expectNoInternals(answer.text);
}

function expectPage(answer: RawAnswer, status: number, text: RegExp) {
  expect(answer.status, answer.text.slice(0, 300)).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^text\/html/);
  expect(answer.text).toMatch(text);
  expectNoInternals(answer.text);
}

test.describe('text the database cannot store', () => {
  test('a NUL or a lone surrogate in a JSON string is 400 validation_failed pointing at the field', async ({ world }) => {
    for (const rawBody of ['{"url":"https://hooks.example.test/x","event_types":["*"],"description":"a\\u0000b"}', '{"url":"https://hooks.example.test/x","event_types":["*"],"description":"\\ud800"}']) {
      const answer = expectProblem(await call('POST', '/webhook_endpoints', { key: world.a.test, rawBody, headers: { 'Content-Type': 'application/json' } }), 400, 'validation_failed');
      expect(answer.errors).toEqual([{ pointer: '/description', message: expect.stringMatching(/NUL|surrogate/) }]);
    }
    const nested = expectProblem(await call('POST', '/webhook_endpoints', { key: world.a.test, rawBody: '{"url":"https://hooks.example.test/x","event_types":["*","\\u0000"]}', headers: { 'Content-Type': 'application/json' } }), 400, 'validation_failed');
    expect(nested.errors?.[0]?.pointer).toBe('/event_types/1');
  });

  test('a NUL in a query parameter or a path is 400 pointing at it', async ({ world }) => {
    const search = expectProblem(await call('GET', '/clients?search=%00', { key: world.a.live }), 400, 'validation_failed');
    expect(search.errors).toEqual([{ pointer: '/query/search', message: expect.stringContaining('NUL') }]);
    const cursor = expectProblem(await call('GET', `/clients?starting_after=${someClientId}%00`, { key: world.a.live }), 400, 'validation_failed');
    expect(cursor.errors?.[0]?.pointer).toBe('/query/starting_after');
    const path = expectProblem(await call('GET', `/clients/${someClientId}%00`, { key: world.a.live }), 400, 'validation_failed');
    expect(path.errors?.[0]?.pointer).toMatch(/^\/path\//);
  });
});

test.describe('requests Next would answer with a 500 or an empty body', () => {
  test('malformed percent-encoding in a path: problem+json under the API, the branded 404 on a partner host', async ({ world }) => {
    const api = await rawRequest('GET', '/api/v1/clients/%ff', { headers: { Authorization: `Bearer ${world.a.live}` } });
    expect(api.status).toBeLessThan(500);
    expectRawProblem(api, api.status, String(api.json?.code));
    const partnerHost = `${world.a.slug}.localhost:${e2ePort}`;
    for (const path of ['/%ff', '/login/%ff', '/onboard/%ff', '/a%zz']) {
      expectPage(await rawRequest('GET', path, { host: partnerHost }), 404, /Page not found|not valid|no longer/i);
    }
    expectPage(await rawRequest('GET', '/%ff'), 404, /not found/i);
  });

  test('TRACE and methods HTTP does not define are 501, as problem+json or a page in the partner’s brand', async ({ world }) => {
    const partnerHost = `${world.a.slug}.localhost:${e2ePort}`;
    await rawRequest('GET', '/login', { host: partnerHost }); // the host is known to the server once it has served it
    for (const method of ['TRACE', 'FOO']) {
      expectRawProblem(await rawRequest(method, '/api/v1/clients'), 501, 'method_not_implemented');
      expectPage(await rawRequest(method, '/login', { host: partnerHost }), 501, new RegExp(`<title>Not supported · ${world.a.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</title>`));
      expectPage(await rawRequest(method, '/'), 501, /not supported/i);
    }
  });

  test('an over-long URL or header is 431 with a body that says so', async ({ world }) => {
    const long = 'a'.repeat(20_000);
    expectRawProblem(await rawRequest('GET', `/api/v1/clients?x=${long}`), 431, 'request_header_too_large');
    expectRawProblem(await rawRequest('GET', '/api/v1/clients', { headers: { 'X-Big': long } }), 431, 'request_header_too_large');
    const partnerHost = `${world.a.slug}.localhost:${e2ePort}`;
    expectPage(await rawRequest('GET', `/login?x=${long}`, { host: partnerHost }), 431, /too long/i);
    expectPage(await rawRequest('GET', '/login', { host: partnerHost, headers: { 'X-Big': long } }), 431, /too long/i);
  });
});

test.describe('server actions', () => {
  test('one posted from another origin is refused with 403, not a 500', async ({ world }) => {
    const partnerHost = `${world.a.slug}.localhost:${e2ePort}`;
    for (const [host, path] of [[`localhost:${e2ePort}`, '/admin/login'], [partnerHost, '/login']] as const) {
      for (const origin of ['http://evil.example', 'null']) {
        const answer = await rawRequest('POST', path, { host, headers: { origin, 'next-action': '7f0123456789abcdef0123456789abcdef012345', 'content-type': 'text/plain;charset=UTF-8' }, body: '[]' });
        expect(answer.status, `${origin} → ${host}${path}`).toBe(403);
      }
    }
  });
});
