import { DateTime } from 'luxon';
import { spanOf } from './time-of-day';
import { weekdays, type Holiday, type ScheduleRules, type TimeRange, type Weekday } from './types';

/** Where a day's hours come from, in the order they win: a closing holiday, then special hours, then the week. */
export type DaySource = 'holiday' | 'special_hours' | 'weekly';

export type DayPlan = { date: string; weekday: Weekday; source: DaySource; holiday: Holiday | null; ranges: TimeRange[] };

export type OpenReason =
  /** Open by the weekly hours. */
  | 'weekly_hours'
  /** Open by a holiday's special hours. */
  | 'special_hours'
  /** Closed all day by a holiday. */
  | 'holiday'
  /** Closed: a day with special hours, outside them. */
  | 'outside_special_hours'
  /** Closed: outside the weekly hours. */
  | 'outside_hours'
  /** Closed: the schedule has no hours at all. */
  | 'no_hours'
  /** Open: the subject has no schedule, so nothing closes it. */
  | 'no_schedule';

export type OpenState = {
  open: boolean;
  reason: OpenReason;
  /** When `open` flips next; null when it does not within the horizon (about 13 months) or ever. */
  next_change_at: Date | null;
  /** The holiday behind the answer (closed by it, or open on its special hours). */
  holiday: { id: string; name: string } | null;
};

/** How far ahead the next change is looked for: a year, plus room for a holiday range that starts inside it. */
const horizonDays = 400;
const weekAndADay = 8 * 86_400_000;

const weekdayOfIso = (date: string): Weekday => weekdays[DateTime.fromISO(date, { zone: 'UTC' }).weekday - 1]!;

const addDays = (date: string, days: number): string => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;

/**
 * The hours that hold on one local date. A closing holiday beats special hours, which beat the week; of two
 * special-hours holidays on the same date the shorter (more specific) one wins, then the later-added one.
 */
export function planForDate(rules: ScheduleRules, date: string): DayPlan {
  const weekday = weekdayOfIso(date);
  const covering = rules.holidays.filter((holiday) => holiday.startDate <= date && date <= holiday.endDate);
  const closing = covering.find((holiday) => !holiday.hours || holiday.hours.length === 0);
  if (closing) return { date, weekday, source: 'holiday', holiday: closing, ranges: [] };
  const special = covering.sort((a, b) => span(a) - span(b) || (a.id < b.id ? 1 : -1))[0];
  if (special) return { date, weekday, source: 'special_hours', holiday: special, ranges: sortRanges(special.hours!) };
  return { date, weekday, source: 'weekly', holiday: null, ranges: sortRanges(rules.weekly[weekday]) };
}

const span = (holiday: Holiday) => DateTime.fromISO(holiday.endDate, { zone: 'UTC' }).diff(DateTime.fromISO(holiday.startDate, { zone: 'UTC' }), 'days').days;

const sortRanges = (ranges: readonly TimeRange[]) => [...ranges].sort((a, b) => spanOf(a).from - spanOf(b).from);

/**
 * The instant a local date plus some minutes (possibly past 1440, into the next day) stands for in `zone`.
 * A time that does not exist (skipped by a spring-forward) moves forward by the gap, as calendars do; a time
 * that happens twice (a fall-back) is its first occurrence.
 */
function instantOf(date: string, minutes: number, zone: string): number {
  const day = DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: Math.floor(minutes / 1440) });
  const within = minutes % 1440;
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: Math.floor(within / 60), minute: within % 60 }, { zone }).toMillis();
}

type Interval = { start: number; end: number; plan: DayPlan };

/** A day's openings as instants, in start order; a range emptied by a DST gap (02:10–02:40 on a spring-forward) drops out. */
function intervalsOf(plan: DayPlan, zone: string): Interval[] {
  return plan.ranges
    .map((range) => {
      const { from, to } = spanOf(range);
      return { start: instantOf(plan.date, from, zone), end: instantOf(plan.date, to, zone), plan };
    })
    .filter((interval) => interval.end > interval.start);
}

/** Every opening from the day before `date` (whose overnight ranges reach into it) for `days` days, in start order. */
function* openings(rules: ScheduleRules, date: string, days: number): Generator<Interval> {
  for (let offset = -1; offset < days; offset++) yield* intervalsOf(planForDate(rules, addDays(date, offset)), rules.timezone);
}

const holidayRef = (holiday: Holiday | null) => (holiday ? { id: holiday.id, name: holiday.name } : null);

/** Whether the subject is open at `at`, why, and when that changes. No schedule means always open. */
export function isOpen(rules: ScheduleRules | null, at: Date): OpenState {
  if (!rules) return { open: true, reason: 'no_schedule', next_change_at: null, holiday: null };
  const now = at.getTime();
  const today = DateTime.fromMillis(now, { zone: rules.timezone }).toISODate()!;
  const holidaysAhead = rules.holidays.some((holiday) => holiday.endDate >= today);
  let current: Interval | null = null;
  let currentEnd = 0;
  for (const interval of openings(rules, today, horizonDays)) {
    if (current) {
      // Open: ranges that touch or overlap the open one carry it on (Friday 22:00–24:00 then Saturday 00:00–02:00).
      if (interval.start > currentEnd) return openState(current, currentEnd);
      currentEnd = Math.max(currentEnd, interval.end);
      // Open for over a week on end with no holiday to come: the weekly hours alone never close it.
      if (currentEnd - now > weekAndADay && !holidaysAhead) return { ...openState(current, currentEnd), next_change_at: null };
    } else if (interval.start <= now && now < interval.end) {
      current = interval;
      currentEnd = interval.end;
    } else if (interval.start > now) {
      return closedState(rules, today, new Date(interval.start));
    }
  }
  return current ? { ...openState(current, currentEnd), next_change_at: null } : closedState(rules, today, null);
}

function openState(interval: Interval, end: number): OpenState {
  const special = interval.plan.source === 'special_hours';
  return { open: true, reason: special ? 'special_hours' : 'weekly_hours', next_change_at: new Date(end), holiday: special ? holidayRef(interval.plan.holiday) : null };
}

function closedState(rules: ScheduleRules, today: string, next: Date | null): OpenState {
  const plan = planForDate(rules, today);
  if (plan.source === 'holiday') return { open: false, reason: 'holiday', next_change_at: next, holiday: holidayRef(plan.holiday) };
  if (plan.source === 'special_hours') return { open: false, reason: 'outside_special_hours', next_change_at: next, holiday: holidayRef(plan.holiday) };
  const noHours = weekdays.every((day) => rules.weekly[day].length === 0);
  return { open: false, reason: noHours && !next ? 'no_hours' : 'outside_hours', next_change_at: next, holiday: null };
}

/** The hours that hold on each of the next `days` local dates from `from` (today first), for the week view. */
export function effectiveDays(rules: ScheduleRules, from: Date, days = 7): DayPlan[] {
  const today = DateTime.fromJSDate(from, { zone: rules.timezone }).toISODate()!;
  return Array.from({ length: days }, (_, offset) => planForDate(rules, addDays(today, offset)));
}

/** Holidays that have not ended by the local date of `from`, soonest first. */
export function upcomingHolidays(rules: ScheduleRules, from: Date, limit = 10): Holiday[] {
  const today = DateTime.fromJSDate(from, { zone: rules.timezone }).toISODate()!;
  return rules.holidays
    .filter((holiday) => holiday.endDate >= today)
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id < b.id ? -1 : 1))
    .slice(0, limit);
}

/** Today's local date in the schedule's zone (for forms that default a holiday to it). */
export const localDateIn = (zone: string, at: Date): string => DateTime.fromJSDate(at, { zone }).toISODate()!;
