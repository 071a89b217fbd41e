import { z } from 'zod';
import { storableIsoDate } from '@/lib/dates/storable-date';
import { spanOf, timeOfDayPattern } from './time-of-day';
import { isTimeZone } from './timezone';
import { weekdays, type TimeRange, type WeeklyHours } from './types';

/** At most this many ranges a day (a split shift needs two or three); at most this many holidays a schedule. */
export const maxRangesPerDay = 6;
export const maxHolidays = 200;
/** A holiday range of dates is at most a year long. */
export const maxHolidayDays = 366;

export const timezoneSchema = z
  .string('Enter a time zone, such as Asia/Kolkata.')
  .trim()
  .min(1, 'Enter a time zone, such as Asia/Kolkata.')
  .refine(isTimeZone, 'Use an IANA time zone name, such as Asia/Kolkata or Europe/London (not an offset or an abbreviation).')
  .meta({ description: 'The IANA time zone the hours are in; daylight saving follows it.', example: 'Asia/Kolkata' });

const timeOfDay = (what: string) => z.string(`Enter the ${what} time as HH:MM.`).trim().regex(timeOfDayPattern, `Enter the ${what} time as HH:MM, from 00:00 to 24:00.`);

export const timeRangeSchema = z
  .object({ start: timeOfDay('opening'), end: timeOfDay('closing') })
  .refine((range) => range.start !== '24:00', { message: 'A range cannot start at 24:00; start it at 00:00 of the next day.', path: ['start'] })
  .refine((range) => range.start !== range.end || range.start === '00:00', { message: 'The range is empty: its start and end are the same. For the whole day use 00:00–24:00.', path: ['end'] })
  .meta({ description: 'An opening from `start` to `end` (`HH:MM`, local). `end` may be `24:00`; an `end` before `start` runs past midnight and belongs to the day it starts.', example: { start: '09:00', end: '18:00' } });

/** `09:00-13:00, 14:00–18:00` as ranges; anything else is left for the range schema to explain. */
function rangesFromText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (!text || /^closed$/i.test(text)) return [];
  return text.split(/[,;]/).map((piece) => {
    const [start, end, ...rest] = piece.trim().split(/\s*(?:–|—|-|to)\s*/i);
    return rest.length ? { start: piece.trim(), end: '' } : { start: start ?? '', end: end ?? '' };
  });
}

function overlapsWithin(ranges: readonly TimeRange[]): boolean {
  const spans = ranges.map(spanOf).sort((a, b) => a.from - b.from);
  return spans.some((span, index) => index > 0 && span.from < spans[index - 1]!.to);
}

/** A day's ranges: a list of `{start, end}`, or (from a form) text such as `09:00–13:00, 14:00–18:00`; empty = closed. */
export const dayRangesSchema = z
  .preprocess(rangesFromText, z.array(timeRangeSchema, 'Give a list of ranges.').max(maxRangesPerDay, `Use at most ${maxRangesPerDay} ranges a day.`))
  .refine((ranges) => !overlapsWithin(ranges), 'Ranges of the same day overlap; merge them into one.')
  .meta({ description: 'The day’s openings, in any order; an empty list closes the day.', example: [{ start: '09:00', end: '13:00' }, { start: '14:00', end: '18:00' }] });

export const weeklyHoursSchema = z
  .strictObject(Object.fromEntries(weekdays.map((day) => [day, dayRangesSchema.optional()])) as Record<(typeof weekdays)[number], z.ZodOptional<typeof dayRangesSchema>>)
  .transform((week) => Object.fromEntries(weekdays.map((day) => [day, week[day] ?? []])) as WeeklyHours)
  .meta({ description: 'Openings by weekday (`mon` … `sun`); a day left out or empty is closed.', example: { mon: [{ start: '09:00', end: '18:00' }], sat: [{ start: '10:00', end: '14:00' }], fri: [{ start: '22:00', end: '02:00' }] } });

/** Setting a subject's hours replaces its zone and whole week; holidays are kept. */
export const setWeeklyHoursSchema = z.strictObject({ timezone: timezoneSchema, weekly: weeklyHoursSchema });

const holidayDate = (message: string) => storableIsoDate(message).meta({ description: 'A local date, YYYY-MM-DD.', example: '2026-11-09' });

export const addHolidaySchema = z
  .strictObject({
    name: z.string('Name the holiday.').trim().min(1, 'Name the holiday.').max(100, 'Use at most 100 characters.').meta({ description: 'What the day is, shown in the console.', example: 'Diwali' }),
    start_date: holidayDate('Enter the date as YYYY-MM-DD.'),
    end_date: z.preprocess((value) => (value === '' ? undefined : value), holidayDate('Enter the last date as YYYY-MM-DD.').optional()).meta({ description: 'The last date of a range of dates (inclusive); leave it out for one day.' }),
    hours: z
      .preprocess((value) => (value === '' ? null : value), dayRangesSchema.nullish())
      .transform((hours) => (hours && hours.length ? hours : null))
      .meta({ description: 'Special hours for these dates; null, empty or left out closes them all day.' }),
  })
  .transform((holiday) => ({ ...holiday, end_date: holiday.end_date ?? holiday.start_date }))
  .refine((holiday) => holiday.end_date >= holiday.start_date, { message: 'The last date is before the first.', path: ['end_date'] })
  .refine((holiday) => (Date.parse(holiday.end_date) - Date.parse(holiday.start_date)) / 86_400_000 < maxHolidayDays, { message: `A holiday lasts at most ${maxHolidayDays} days.`, path: ['end_date'] });

export type SetWeeklyHoursInput = z.input<typeof setWeeklyHoursSchema>;
export type AddHolidayInput = z.input<typeof addHolidaySchema>;
