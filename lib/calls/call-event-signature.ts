import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '@/lib/errors/app-error';

/**
 * How call events are signed: `X-Call-Event-Timestamp` carries Unix seconds, `X-Call-Event-Signature` carries
 * `v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with CALL_EVENTS_SECRET>`. Several `v1=` values separated by
 * spaces are accepted while a secret is rotated. A timestamp more than five minutes away is refused, so a
 * captured request cannot be replayed later; within the window every event's `eventId` is recorded once, so a
 * replay is acknowledged but changes nothing.
 */
export const timestampHeader = 'x-call-event-timestamp';
export const signatureHeader = 'x-call-event-signature';
export const toleranceSeconds = 5 * 60;

export function signCallEvents(secret: string, timestampSeconds: number, rawBody: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`).digest('hex')}`;
}

const refused = (message: string) => new AppError('invalid_signature', message);

export function verifyCallEventSignature(secret: string | undefined, headers: { timestamp: string | null; signature: string | null }, rawBody: string, now: Date = new Date()): void {
  if (!secret) throw refused('Call events are not accepted here: CALL_EVENTS_SECRET is not configured.');
  if (!headers.timestamp || !/^\d{1,12}$/.test(headers.timestamp)) throw refused(`Send ${timestampHeader} as Unix seconds.`);
  const timestamp = Number(headers.timestamp);
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) throw refused(`${timestampHeader} is more than ${toleranceSeconds / 60} minutes from now; sign each request when it is sent.`);
  if (!headers.signature) throw refused(`Send ${signatureHeader}.`);
  const expected = Buffer.from(signCallEvents(secret, timestamp, rawBody));
  const matches = headers.signature
    .split(/\s+/)
    .filter(Boolean)
    .some((candidate) => {
      const given = Buffer.from(candidate);
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  if (!matches) throw refused('The signature does not match the body and timestamp.');
}
