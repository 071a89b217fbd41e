import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, webhookBody, webhookHeaders } from './sign';

const event = { id: 'evt_01kaz3d4mqf2v8n6w0c1e5rj7t', type: 'client.activated', data: { client: { id: 'cli_1', name: 'Bluebird' } }, createdAt: new Date('2026-11-22T09:30:00.000Z') };

describe('Standard Webhooks signing', () => {
  it('makes whsec_ secrets of 24 random bytes', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(24);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('is accepted by the reference library, which returns the payload', () => {
    const secret = generateWebhookSecret();
    const body = webhookBody(event);
    const headers = webhookHeaders([secret], event.id, new Date(), body);
    expect(headers['webhook-id']).toBe(event.id);
    expect(new Webhook(secret).verify(body, headers)).toEqual({ id: event.id, type: 'client.activated', timestamp: '2026-11-22T09:30:00.000Z', data: event.data });
  });

  it('is refused for a tampered body, another secret, or a changed id or timestamp', () => {
    const secret = generateWebhookSecret();
    const body = webhookBody(event);
    const headers = webhookHeaders([secret], event.id, new Date(), body);
    expect(() => new Webhook(secret).verify(body.replace('Bluebird', 'Bluebirc'), headers)).toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify(body, { ...headers, 'webhook-id': 'evt_other' })).toThrow();
    expect(() => new Webhook(secret).verify(body, { ...headers, 'webhook-timestamp': String(Number(headers['webhook-timestamp']) + 1) })).toThrow();
  });

  it('signs with every secret given, space-separated, so either verifies', () => {
    const [current, previous] = [generateWebhookSecret(), generateWebhookSecret()];
    const body = webhookBody(event);
    const headers = webhookHeaders([current, previous], event.id, new Date(), body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(headers['webhook-signature']).toMatch(/^v1,\S+ v1,\S+$/);
    expect(() => new Webhook(current).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(previous).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
  });

  it('timestamps the attempt in unix seconds, and the reference library refuses stale ones', () => {
    const secret = generateWebhookSecret();
    const body = webhookBody(event);
    const old = new Date(Date.now() - 10 * 60 * 1000);
    const headers = webhookHeaders([secret], event.id, old, body);
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(old.getTime() / 1000)));
    expect(() => new Webhook(secret).verify(body, headers)).toThrow(/timestamp/i);
  });
});
