import { randomBytes } from 'node:crypto';
import { ivr, sendTo } from './support/http';
import { expect, test } from './support/fixtures';
import { addCustomDomain, sharedDatabase } from './support/shared-database';

/**
 * A partner's API answers on its own hosts only with its own keys; a host that serves nobody answers 404; the
 * platform host takes every key. The same holds for the REST API, the IVR Solutions paths and the docs.
 */

const unknownHost = () => `nobody-${randomBytes(4).toString('hex')}.localhost`;

test('on a partner’s subdomain only that partner’s keys work, for REST and the IVR Solutions paths', async ({ world }) => {
  const host = `${world.a.slug}.localhost`;
  for (const key of [world.a.live, world.a.test]) {
    expect((await sendTo(host, 'GET', '/api/v1/partner', { key })).status).toBe(200);
    expect((await ivr('GET', 'clients', { host, key })).status).toBe(200);
  }
  for (const key of [world.b.live, world.b.test]) {
    const rest = await sendTo(host, 'GET', '/api/v1/clients', { key });
    expect(rest.status).toBe(401);
    expect(rest.headers.get('content-type')).toBe('application/problem+json');
    expect(rest.json).toMatchObject({ code: 'host_mismatch', status: 401, detail: expect.stringContaining(host) });
    const compat = await ivr('GET', 'clients', { host, key });
    expect(compat.status).toBe(401);
    expect(compat.json).toEqual({ status: 401, message: expect.stringContaining(`the one ${host} serves`) });
  }
});

test('the platform host takes every partner’s keys', async ({ world }) => {
  for (const key of [world.a.live, world.b.live, world.b.test]) {
    expect((await sendTo('localhost', 'GET', '/api/v1/partner', { key })).status).toBe(200);
    expect((await ivr('GET', 'pending', { key })).status).toBe(200);
  }
});

test('an unknown host answers 404 for the API, the OpenAPI document, the IVR Solutions paths and the docs', async ({ world }) => {
  const host = unknownHost();
  for (const key of [undefined, world.a.live]) {
    const rest = await sendTo(host, 'GET', '/api/v1/partner', { key });
    expect(rest.status).toBe(404);
    expect(rest.headers.get('content-type')).toBe('application/problem+json');
    expect(rest.json).toMatchObject({ code: 'host_not_found', detail: expect.stringContaining(host) });
    const compat = await ivr('POST', 'register', { host, key, body: {} });
    expect(compat.status).toBe(404);
    expect(compat.json).toEqual({ status: 404, message: expect.stringContaining(host) });
  }
  expect((await sendTo(host, 'GET', '/api/v1/openapi.json')).json).toMatchObject({ status: 404, code: 'host_not_found' });
  for (const path of ['/docs/api', '/docs/api/migrating-from-ivr-solutions']) expect((await sendTo(host, 'GET', path)).status).toBe(404);
});

test('a custom domain serves its partner’s API once verified, and nobody’s before', async ({ world }) => {
  test.skip(!sharedDatabase, 'Adding a custom domain without its DNS record needs the server’s database (DATABASE_URL).');
  const verified = `api.${world.a.slug}.e2e.test`;
  const pending = `pending.${world.a.slug}.e2e.test`;
  await addCustomDomain(world.a.id, verified, { verified: true });
  await addCustomDomain(world.a.id, pending, { verified: false });

  expect((await sendTo(verified, 'GET', '/api/v1/partner', { key: world.a.live })).status).toBe(200);
  expect((await ivr('GET', 'clients', { host: verified, key: world.a.test })).status).toBe(200);
  expect((await sendTo(verified, 'GET', '/api/v1/partner', { key: world.b.live })).json).toMatchObject({ status: 401, code: 'host_mismatch' });
  expect((await sendTo(verified, 'GET', '/docs/api/migrating-from-ivr-solutions')).status).toBe(200);

  expect((await sendTo(pending, 'GET', '/api/v1/partner', { key: world.a.live })).json).toMatchObject({ status: 404, code: 'host_not_found' });
  expect((await ivr('GET', 'clients', { host: pending, key: world.a.live })).status).toBe(404);
});
