import { weekdays, type ScheduleRules, type ScheduleSubject, type WeeklyHours } from './types';

/** A stored schedule as every face sees it. */
export type ScheduleView = ScheduleRules & { id: string; subject: ScheduleSubject; updatedAt: Date };

/** The zone a schedule starts in when a holiday arrives before any hours: the platform's home zone. */
export const defaultTimezone = 'Asia/Kolkata';

/** Open all day, every day: what a subject without a schedule is, so a first holiday closes only its own dates. */
export const alwaysOpenWeek = (): WeeklyHours => Object.fromEntries(weekdays.map((day) => [day, [{ start: '00:00', end: '24:00' }]])) as WeeklyHours;
