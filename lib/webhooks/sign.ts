import { createHmac, randomBytes } from 'node:crypto';

/**
 * Standard Webhooks 1.0 (https://www.standardwebhooks.com): receivers can verify our deliveries with any of its
 * libraries. A secret is `whsec_` + base64 of random bytes, and the HMAC key is those bytes, not the text.
 */
export const secretPrefix = 'whsec_';

export function generateWebhookSecret(): string {
  return `${secretPrefix}${randomBytes(24).toString('base64')}`;
}

function keyOf(secret: string): Buffer {
  if (!secret.startsWith(secretPrefix)) throw new Error('A webhook secret starts with whsec_');
  return Buffer.from(secret.slice(secretPrefix.length), 'base64');
}

/** `v1,<signature>` for each secret, space-separated: during a rotation receivers may hold either secret. */
export function signatureHeader(secrets: readonly string[], id: string, timestampSeconds: number, body: string): string {
  return secrets.map((secret) => `v1,${createHmac('sha256', keyOf(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`).join(' ');
}

export type WebhookHeaders = { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string };

/**
 * The headers of one delivery attempt. `id` is the event id, the same on every retry and resend, so a receiver
 * can drop duplicates; the timestamp is the attempt's, so replays of old requests can be refused.
 */
export function webhookHeaders(secrets: readonly string[], id: string, at: Date, body: string): WebhookHeaders {
  const timestamp = Math.floor(at.getTime() / 1000);
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signatureHeader(secrets, id, timestamp, body) };
}

/** The Standard Webhooks payload of an event; built from the event alone so every attempt sends the same bytes. */
export function webhookBody(event: { id: string; type: string; data: unknown; createdAt: Date }): string {
  return JSON.stringify({ id: event.id, type: event.type, timestamp: event.createdAt.toISOString(), data: event.data });
}
