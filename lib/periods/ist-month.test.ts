import { describe, expect, it } from 'vitest';
import { daysIn, inPeriod, nextPeriod, periodFromKey, periodKeySchema, periodOf, previousPeriod } from './ist-month';

describe('IST billing periods', () => {
  it('puts a renewal at 00:30 IST on the 1st in the new month, and 23:59 IST on the last day in the old one', () => {
    expect(periodOf(new Date('2026-12-01T00:30:00+05:30')).key).toBe('2026-12');
    // The same instant in UTC is still 30 November: a UTC month would have billed it to November.
    expect(new Date('2026-12-01T00:30:00+05:30').toISOString()).toBe('2026-11-30T19:00:00.000Z');
    expect(periodOf(new Date('2026-11-30T23:59:59.999+05:30')).key).toBe('2026-11');
    expect(periodOf(new Date('2026-12-01T00:00:00+05:30')).key).toBe('2026-12');
  });

  it('gives each period its first instant and the next one’s, in UTC', () => {
    const december = periodOf(new Date('2026-12-15T12:00:00Z'));
    expect(december).toMatchObject({ key: '2026-12', year: 2026, month: 12 });
    expect(december.start.toISOString()).toBe('2026-11-30T18:30:00.000Z');
    expect(december.end.toISOString()).toBe('2026-12-31T18:30:00.000Z');
    expect(inPeriod(december, december.start)).toBe(true);
    expect(inPeriod(december, december.end)).toBe(false);
    expect(inPeriod(december, new Date(december.end.getTime() - 1))).toBe(true);
  });

  it('steps to the next and previous period across year ends', () => {
    const december = periodFromKey('2026-12');
    expect(nextPeriod(december).key).toBe('2027-01');
    expect(nextPeriod(december).start).toEqual(december.end);
    expect(previousPeriod(periodFromKey('2027-01')).key).toBe('2026-12');
    expect(previousPeriod(periodFromKey('2026-03')).key).toBe('2026-02');
    let period = periodFromKey('2026-01');
    for (let i = 0; i < 12; i++) period = nextPeriod(period);
    expect(period.key).toBe('2027-01');
  });

  it('counts the days of each month, leap Februaries included', () => {
    expect(['2026-01', '2026-02', '2028-02', '2026-04', '2026-12'].map((key) => daysIn(periodFromKey(key)))).toEqual([31, 28, 29, 30, 31]);
  });

  it('reads and refuses period keys', () => {
    expect(periodFromKey('2026-07').start.toISOString()).toBe('2026-06-30T18:30:00.000Z');
    for (const bad of ['2026-13', '2026-00', '2026-7', '26-07', '2026-07-01', ' 2026-07']) {
      expect(periodKeySchema.safeParse(bad).success, bad).toBe(false);
      expect(() => periodFromKey(bad), bad).toThrow(RangeError);
    }
    expect(periodKeySchema.parse('2026-07')).toBe('2026-07');
    expect(() => periodOf(new Date('nope'))).toThrow(RangeError);
  });
});
