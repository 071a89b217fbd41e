import { describe, expect, it } from 'vitest';
import * as auditLogRoute from '@/app/api/v1/audit_log/route';
import * as eventRoute from '@/app/api/v1/events/[event_id]/route';
import * as eventsRoute from '@/app/api/v1/events/route';
import * as deliveryRoute from '@/app/api/v1/webhook_deliveries/[delivery_id]/route';
import * as resendRoute from '@/app/api/v1/webhook_deliveries/[delivery_id]/resend/route';
import * as deliveriesRoute from '@/app/api/v1/webhook_endpoints/[endpoint_id]/deliveries/route';
import * as rotateRoute from '@/app/api/v1/webhook_endpoints/[endpoint_id]/rotate_secret/route';
import * as endpointRoute from '@/app/api/v1/webhook_endpoints/[endpoint_id]/route';
import * as testRoute from '@/app/api/v1/webhook_endpoints/[endpoint_id]/test/route';
import * as endpointsRoute from '@/app/api/v1/webhook_endpoints/route';
import { createApiKey } from '@/lib/api-keys/manage-api-keys';
import type { Scope } from '@/lib/api-keys/scopes';
import { makePartner, systemFor } from '@/test/factories';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function keyFor(scopes: Scope[]) {
  const partner = await makePartner('rest');
  const { secret } = await createApiKey(systemFor(partner.id), { name: 'REST test', mode: 'live', scopes });
  return secret;
}

/** Calls a route handler the way Next does, and reads the JSON answer. */
async function call(handler: Handler, key: string, method: string, path: string, params: Record<string, string> = {}, body?: unknown) {
  const request = new Request(`http://localhost/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { data?: Record<string, unknown>[] } };
}

const target = { url: 'https://93.184.215.14/hooks', description: 'CRM', event_types: ['client.activated'] };

describe('the webhooks REST API', () => {
  it('creates, reads, updates, rotates, tests and deletes an endpoint in snake_case, showing the secret only on create and rotate', async () => {
    const key = await keyFor(['webhooks:write', 'events:read', 'audit:read']);
    const created = await call(endpointsRoute.POST, key, 'POST', '/webhook_endpoints', {}, target);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ object: 'webhook_endpoint', url: target.url, description: 'CRM', event_types: ['client.activated'], status: 'enabled', disabled_reason: null, secret: expect.stringMatching(/^whsec_/) });
    const id = created.body.id as string;
    const params = { endpoint_id: id };

    const read = await call(endpointRoute.GET, key, 'GET', `/webhook_endpoints/${id}`, params);
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('secret');
    expect((await call(endpointsRoute.GET, key, 'GET', '/webhook_endpoints')).body).toMatchObject({ object: 'list', has_more: false, data: [{ id }] });
    expect((await call(endpointsRoute.GET, key, 'GET', '/webhook_endpoints')).body.data![0]).not.toHaveProperty('secret');

    const patched = await call(endpointRoute.PATCH, key, 'PATCH', `/webhook_endpoints/${id}`, params, { event_types: ['*'], description: null });
    expect(patched.body).toMatchObject({ event_types: ['*'], description: null });

    const rotated = await call(rotateRoute.POST, key, 'POST', `/webhook_endpoints/${id}/rotate_secret`, params);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    expect(rotated.body.previous_secret_expires_at).toEqual(expect.any(String));

    const test = await call(testRoute.POST, key, 'POST', `/webhook_endpoints/${id}/test`, params);
    expect(test.status).toBe(202);
    expect(test.body).toMatchObject({ object: 'webhook_delivery', endpoint_id: id, status: 'pending', attempt_count: 0, attempts: [], event: { object: 'event', type: 'webhook_endpoint.test' } });
    const deliveryId = test.body.id as string;

    const deliveries = await call(deliveriesRoute.GET, key, 'GET', `/webhook_endpoints/${id}/deliveries?limit=5`, params);
    expect(deliveries.body).toMatchObject({ object: 'list', data: [{ id: deliveryId }] });
    expect((await call(deliveryRoute.GET, key, 'GET', `/webhook_deliveries/${deliveryId}`, { delivery_id: deliveryId })).body).toMatchObject({ id: deliveryId });
    const resent = await call(resendRoute.POST, key, 'POST', `/webhook_deliveries/${deliveryId}/resend`, { delivery_id: deliveryId });
    expect(resent).toMatchObject({ status: 202, body: { object: 'webhook_delivery', status: 'pending', event: { id: (test.body.event as { id: string }).id } } });

    const eventId = (test.body.event as { id: string }).id;
    expect((await call(eventsRoute.GET, key, 'GET', '/events?type=webhook_endpoint.test')).body).toMatchObject({ data: [{ object: 'event', id: eventId }] });
    expect((await call(eventRoute.GET, key, 'GET', `/events/${eventId}`, { event_id: eventId })).body).toMatchObject({ id: eventId, data: { webhook_endpoint: { id } } });

    const audit = await call(auditLogRoute.GET, key, 'GET', `/audit_log?target_id=${id}&actor_type=api_key`);
    expect(audit.body.data!.map((entry) => entry.action)).toEqual(['webhook_endpoint.test_sent', 'webhook_endpoint.secret_rotated', 'webhook_endpoint.updated', 'webhook_endpoint.created']);
    expect(JSON.stringify(audit.body)).not.toContain('whsec_');

    expect(await call(endpointRoute.DELETE, key, 'DELETE', `/webhook_endpoints/${id}`, params)).toEqual({ status: 200, body: { object: 'webhook_endpoint', id, deleted: true } });
    expect((await call(endpointRoute.GET, key, 'GET', `/webhook_endpoints/${id}`, params)).body).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('answers 404 for another partner’s ids and 403 without the scope', async () => {
    const [mine, theirs] = [await keyFor(['webhooks:write', 'events:read']), await keyFor(['webhooks:write'])];
    const other = await call(endpointsRoute.POST, theirs, 'POST', '/webhook_endpoints', {}, target);
    const id = other.body.id as string;
    const delivery = await call(testRoute.POST, theirs, 'POST', `/webhook_endpoints/${id}/test`, { endpoint_id: id });
    const deliveryId = delivery.body.id as string;
    const eventId = (delivery.body.event as { id: string }).id;

    for (const [handler, method, path, params] of [
      [endpointRoute.GET, 'GET', `/webhook_endpoints/${id}`, { endpoint_id: id }],
      [endpointRoute.DELETE, 'DELETE', `/webhook_endpoints/${id}`, { endpoint_id: id }],
      [rotateRoute.POST, 'POST', `/webhook_endpoints/${id}/rotate_secret`, { endpoint_id: id }],
      [deliveriesRoute.GET, 'GET', `/webhook_endpoints/${id}/deliveries`, { endpoint_id: id }],
      [deliveryRoute.GET, 'GET', `/webhook_deliveries/${deliveryId}`, { delivery_id: deliveryId }],
      [resendRoute.POST, 'POST', `/webhook_deliveries/${deliveryId}/resend`, { delivery_id: deliveryId }],
      [eventRoute.GET, 'GET', `/events/${eventId}`, { event_id: eventId }],
    ] as const) {
      const answer = await call(handler, mine, method, path, params);
      expect(answer, `${method} ${path}`).toMatchObject({ status: 404, body: { code: 'not_found' } });
    }
    expect((await call(endpointRoute.GET, theirs, 'GET', `/webhook_endpoints/${id}`, { endpoint_id: id })).status).toBe(200);

    const readOnly = await keyFor(['webhooks:read']);
    expect((await call(endpointsRoute.POST, readOnly, 'POST', '/webhook_endpoints', {}, target)).body).toMatchObject({ status: 403, code: 'insufficient_scope' });
    expect((await call(auditLogRoute.GET, readOnly, 'GET', '/audit_log')).body).toMatchObject({ status: 403, code: 'insufficient_scope' });
  });

  it('refuses a private target and unknown fields as validation problems', async () => {
    const key = await keyFor(['webhooks:write']);
    const refused = await call(endpointsRoute.POST, key, 'POST', '/webhook_endpoints', {}, { ...target, url: 'https://169.254.169.254/latest/meta-data' });
    expect(refused).toMatchObject({ status: 400, body: { code: 'validation_failed', errors: [{ pointer: '/url', message: '169.254.169.254: link-local addresses cannot receive webhooks; use a public internet address.' }] } });
    const unknown = await call(endpointsRoute.POST, key, 'POST', '/webhook_endpoints', {}, { ...target, secret: 'whsec_mine' });
    expect(unknown).toMatchObject({ status: 400, body: { code: 'unknown_fields' } });
  });
});
