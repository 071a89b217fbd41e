import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { signCallEvents, toleranceSeconds, verifyCallEventSignature } from './call-event-signature';
import { callEventBatchSchema } from './call-event-schema';

const secret = 'a-call-events-secret-of-32-chars-or-more';
const body = JSON.stringify({ events: [] });
const codeOf = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
};

describe('call event signatures', () => {
  const now = new Date('2026-12-02T10:00:00Z');
  const ts = Math.floor(now.getTime() / 1000);

  it('accepts the HMAC of "<timestamp>.<raw body>", and one of several during a rotation', () => {
    const signature = signCallEvents(secret, ts, body);
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(codeOf(() => verifyCallEventSignature(secret, { timestamp: String(ts), signature }, body, now))).toBe('ok');
    expect(codeOf(() => verifyCallEventSignature(secret, { timestamp: String(ts), signature: `v1=${'0'.repeat(64)} ${signature}` }, body, now))).toBe('ok');
  });

  it('refuses a changed body, another secret, an old or future timestamp, missing headers, and an unconfigured secret', () => {
    const signature = signCallEvents(secret, ts, body);
    expect(codeOf(() => verifyCallEventSignature(secret, { timestamp: String(ts), signature }, `${body} `, now))).toBe('invalid_signature');
    expect(codeOf(() => verifyCallEventSignature(`${secret}x`, { timestamp: String(ts), signature }, body, now))).toBe('invalid_signature');
    const old = ts - toleranceSeconds - 1;
    expect(codeOf(() => verifyCallEventSignature(secret, { timestamp: String(old), signature: signCallEvents(secret, old, body) }, body, now))).toBe('invalid_signature');
    const future = ts + toleranceSeconds + 1;
    expect(codeOf(() => verifyCallEventSignature(secret, { timestamp: String(future), signature: signCallEvents(secret, future, body) }, body, now))).toBe('invalid_signature');
    expect(codeOf(() => verifyCallEventSignature(secret, { timestamp: null, signature }, body, now))).toBe('invalid_signature');
    expect(codeOf(() => verifyCallEventSignature(secret, { timestamp: String(ts), signature: null }, body, now))).toBe('invalid_signature');
    expect(codeOf(() => verifyCallEventSignature(undefined, { timestamp: String(ts), signature }, body, now))).toBe('invalid_signature');
  });

  it('takes one event or a batch, and names a bad field', () => {
    const event = { eventId: 'e1', type: 'call.ended', callId: 'c1', legId: 'l1', leg: 'inbound', direction: 'inbound', number: '+918012345678', from: '+919812345678', to: '+918012345678', occurredAt: '2026-12-02T10:00:00Z', durationSeconds: 30, outcome: 'completed' };
    expect(callEventBatchSchema.parse(event)).toHaveLength(1);
    expect(callEventBatchSchema.parse({ events: [event, { ...event, eventId: 'e2' }] })).toHaveLength(2);
    expect(callEventBatchSchema.safeParse({ events: [{ ...event, number: '12' }] }).success).toBe(false);
  });
});
