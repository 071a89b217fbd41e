import { z } from 'zod';

/**
 * JavaScript reads years PostgreSQL cannot store (year 0, year 10000, ±271,821 for `Date` itself), and a range
 * that ends at the close of 9999-12-31 steps into 10000. So every date a person or a client sends is held to the
 * years anyone means here: from 1970 to the end of 9998, which leaves a day's arithmetic either side.
 */
const earliest = Date.UTC(1970, 0, 1);
const latest = Date.UTC(9999, 0, 1);
const outOfRange = 'Use a date between 1970 and 9998.';

export function isStorableDate(date: Date): boolean {
  const ms = date.getTime();
  return Number.isFinite(ms) && ms >= earliest && ms < latest;
}

/** YYYY-MM-DD within the storable years. */
export const storableIsoDate = (message: string) => z.iso.date(message).refine((value) => isStorableDate(new Date(`${value}T00:00:00Z`)), outOfRange);

/** An ISO 8601 date-time with its offset, within the storable years. */
export const storableIsoDateTime = (message: string) => z.iso.datetime({ offset: true, message }).refine((value) => isStorableDate(new Date(value)), outOfRange);

/** Anything `Date` reads (a form's value, a JSON string), within the storable years. */
export const storableDate = (message: string) => z.coerce.date(message).refine(isStorableDate, outOfRange);
