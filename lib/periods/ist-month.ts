import { z } from 'zod';

/**
 * Billing periods are calendar months in India (Asia/Kolkata), stored and compared as UTC instants. India has
 * kept UTC+05:30 without daylight saving since 1945, so a fixed offset is exact and needs no time-zone data: a
 * period starts at 00:00 IST on the 1st, which is 18:30 UTC on the last day of the month before.
 */
/** India is 5 h 30 min ahead of UTC, all year. */
export const istOffsetMs = (5 * 60 + 30) * 60_000;

/** One IST calendar month: its key (`2026-12`), first instant, and the first instant of the next month. */
export type Period = { key: string; year: number; month: number; start: Date; end: Date };

const keyPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A period key as the API, the ledger and idempotency keys write it: four-digit year, two-digit month. */
export const periodKeySchema = z.string().regex(keyPattern, 'Give the period as YYYY-MM, e.g. 2026-12.');

/** The instant 00:00 IST on the 1st of `month` (1–12) of `year`; months past 12 roll into later years. */
const monthStart = (year: number, month: number) => new Date(Date.UTC(year, month - 1, 1) - istOffsetMs);

function periodAt(year: number, month: number): Period {
  const start = monthStart(year, month);
  const normalised = new Date(start.getTime() + istOffsetMs);
  const y = normalised.getUTCFullYear();
  const m = normalised.getUTCMonth() + 1;
  if (y < 1 || y > 9999) throw new RangeError('A billing period must lie between the years 1 and 9999.');
  return { key: `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`, year: y, month: m, start, end: monthStart(y, m + 1) };
}

/** The IST month containing this instant: a renewal at 00:30 IST on the 1st belongs to the new month. */
export function periodOf(instant: Date): Period {
  if (Number.isNaN(instant.getTime())) throw new RangeError('An invalid date has no billing period.');
  const ist = new Date(instant.getTime() + istOffsetMs);
  return periodAt(ist.getUTCFullYear(), ist.getUTCMonth() + 1);
}

/** The period a key names; throws on anything but `YYYY-MM` (validate untrusted input with periodKeySchema). */
export function periodFromKey(key: string): Period {
  const match = keyPattern.exec(key);
  if (!match) throw new RangeError(`Not a period key: ${key}`);
  return periodAt(Number(match[1]), Number(match[2]));
}

export const nextPeriod = (period: Period) => periodAt(period.year, period.month + 1);

export const previousPeriod = (period: Period) => periodAt(period.year, period.month - 1);

/** Whether the instant falls in the period (its start included, its end not). */
export const inPeriod = (period: Period, instant: Date) => instant >= period.start && instant < period.end;

/** How many IST days the period has (28–31), for callers that prorate by the day. */
export const daysIn = (period: Period) => Math.round((period.end.getTime() - period.start.getTime()) / 86_400_000);
