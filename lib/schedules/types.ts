/**
 * The shapes of a schedule, shared by the engine, storage and every face. Times are local wall-clock times
 * in the schedule's IANA zone, written `HH:MM`; a day's ranges are minutes of that day.
 */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

export const weekdayNames: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

/**
 * One opening: from `start` to `end`. `end` may be `24:00` (the end of the day); an `end` at or before `start`
 * runs past midnight and belongs to the day it starts (Friday 22:00–02:00 is Friday's, and ends on Saturday).
 */
export type TimeRange = { start: string; end: string };

export type WeeklyHours = Record<Weekday, TimeRange[]>;

/** A date or range of dates (inclusive, local to the schedule's zone) that closes (`hours` null) or gives special hours. */
export type Holiday = { id: string; name: string; startDate: string; endDate: string; hours: TimeRange[] | null };

/** Everything the engine needs to answer whether the subject is open. */
export type ScheduleRules = { timezone: string; weekly: WeeklyHours; holidays: Holiday[] };

export const emptyWeek = (): WeeklyHours => ({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });

/** What kind of thing a schedule belongs to; each subject's own domain checks that the caller owns it. */
export const scheduleSubjectKinds = ['number', 'agent', 'whatsapp_number'] as const;
export type ScheduleSubjectKind = (typeof scheduleSubjectKinds)[number];
export type ScheduleSubject = { kind: ScheduleSubjectKind; id: string };
