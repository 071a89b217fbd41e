import { describe, expect, it } from 'vitest';
import { maxAttempts, maxRetryAfterMs, nextAttemptAt, parseRetryAfter, retryDelaysMs } from './retry-schedule';

const now = new Date('2026-11-22T09:30:00.000Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('the retry schedule', () => {
  it('is the Standard Webhooks schedule: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h', () => {
    expect(retryDelaysMs.map((ms) => ms / 1000)).toEqual([5, 300, 1800, 7200, 18_000, 36_000, 50_400, 72_000, 86_400]);
    expect(maxAttempts).toBe(10);
  });

  it('schedules each retry after the failed attempt, and none after the last', () => {
    expect(nextAttemptAt(1, now)).toEqual(later(5000));
    expect(nextAttemptAt(2, now)).toEqual(later(300_000));
    expect(nextAttemptAt(9, now)).toEqual(later(86_400_000));
    expect(nextAttemptAt(10, now)).toBeNull();
  });

  it('waits longer when Retry-After asks for it, never shorter, and at most a day', () => {
    expect(nextAttemptAt(1, now, 60_000)).toEqual(later(60_000));
    expect(nextAttemptAt(3, now, 60_000)).toEqual(later(1_800_000));
    expect(nextAttemptAt(1, now, 7 * 86_400_000)).toEqual(later(maxRetryAfterMs));
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter(new Date(now.getTime() + 3_600_000).toUTCString(), now)).toBe(3_600_000);
    expect(parseRetryAfter(new Date(now.getTime() - 3_600_000).toUTCString(), now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
