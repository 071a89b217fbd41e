import { z } from 'zod';
import { timezoneSchema, weeklyHoursSchema } from './schemas';
import { weekdays, type TimeRange, type WeeklyHours, type Weekday } from './types';

/**
 * The `working_hours` object compatibility faces receive: keyed by day, each an `{open, close}` pair, a list of
 * them for a split shift, or null / "closed" for a closed day. It becomes the same weekly hours the REST API
 * takes, and so passes the same checks.
 */
const dayAliases: Record<string, Weekday> = Object.fromEntries(
  weekdays.flatMap((day) => {
    const full = { mon: 'monday', tue: 'tuesday', wed: 'wednesday', thu: 'thursday', fri: 'friday', sat: 'saturday', sun: 'sunday' }[day];
    return [
      [day, day],
      [full, day],
    ];
  }),
);

const asRange = (pair: unknown): unknown => (pair && typeof pair === 'object' && !Array.isArray(pair) && ('open' in pair || 'close' in pair) ? { start: (pair as { open?: unknown }).open, end: (pair as { close?: unknown }).close } : pair);

function asDay(value: unknown): unknown {
  if (value === null || value === false || (typeof value === 'string' && /^closed$/i.test(value.trim()))) return [];
  if (Array.isArray(value)) return value.map(asRange);
  if (value && typeof value === 'object' && Object.keys(value).length === 0) return [];
  const range = asRange(value);
  return range === value ? value : [range];
}

function asWeek(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, day]) => [dayAliases[key.trim().toLowerCase()] ?? key, asDay(day)]));
}

export const workingHoursSchema = z
  .preprocess(asWeek, weeklyHoursSchema)
  .meta({ description: 'Working hours keyed by day (`mon` … `sun`): `{"open": "09:00", "close": "18:00"}`, a list of such pairs, or null for a closed day.', example: { mon: { open: '09:00', close: '18:00' } } });

/** The compatibility faces' set-schedule body, minus the subject's own ids (each translator adds those). */
export const workingHoursInputShape = { timezone: timezoneSchema, working_hours: workingHoursSchema };

type Pair = { open: string; close: string };
const pair = (range: TimeRange): Pair => ({ open: range.start, close: range.end });

/** Weekly hours in the compatibility shape: one pair, a list for several ranges, null for a closed day. */
export function toWorkingHours(weekly: WeeklyHours): Record<Weekday, Pair | Pair[] | null> {
  return Object.fromEntries(weekdays.map((day) => [day, weekly[day].length === 0 ? null : weekly[day].length === 1 ? pair(weekly[day][0]!) : weekly[day].map(pair)])) as Record<Weekday, Pair | Pair[] | null>;
}
