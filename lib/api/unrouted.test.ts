import { describe, expect, it } from 'vitest';
import { apiRoutes } from './route';
import { routeNotFoundHandlers } from './unrouted';

const context = { params: Promise.resolve({}) };
const ok = async () => new Response('{}', { status: 200 });

describe('answers for what no operation serves', () => {
  it('is a problem+json 405 naming the methods served, with HEAD beside GET and OPTIONS in Allow', async () => {
    const routes = apiRoutes({ POST: ok, GET: ok });
    const response = await routes.DELETE(new Request('http://localhost/api/v1/things', { method: 'DELETE' }), context);
    expect(response.status).toBe(405);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS, POST');
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(await response.json()).toMatchObject({ status: 405, code: 'method_not_allowed', detail: 'DELETE is not allowed here; use GET or POST.' });
  });

  it('leaves HEAD out where there is no GET, and answers OPTIONS with the same Allow', async () => {
    const routes = apiRoutes({ POST: ok });
    const notAllowed = await routes.GET(new Request('http://localhost/api/v1/things/1/cancel'), context);
    expect(notAllowed.headers.get('allow')).toBe('OPTIONS, POST');
    const options = await routes.OPTIONS(new Request('http://localhost/api/v1/things/1/cancel', { method: 'OPTIONS' }), context);
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('OPTIONS, POST');
  });

  it('passes the served methods through untouched', async () => {
    const routes = apiRoutes({ GET: ok });
    expect((await routes.GET(new Request('http://localhost/api/v1/things'), context)).status).toBe(200);
  });

  it('is a problem+json 404 for a path no operation serves, whatever the method', async () => {
    for (const [method, handler] of Object.entries(routeNotFoundHandlers)) {
      const response = await handler(new Request('http://localhost/api/v1', { method }));
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ code: 'route_not_found', detail: `No operation at ${method} /api/v1; see /docs/api.` });
    }
  });
});
