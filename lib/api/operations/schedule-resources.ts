import { z } from 'zod';
import type { OpenState } from '@/lib/schedules/evaluate';
import { timeRangeSchema } from '@/lib/schedules/schemas';
import { weekdays, type Holiday } from '@/lib/schedules/types';
import type { ScheduleView } from '@/lib/schedules/view';
import { idOf, timestamp } from '../schemas';

/**
 * The schedule as every REST face returns it (numbers, agents, WhatsApp numbers): the week, the holidays and
 * whether the subject is open now. Each subject's operations embed these; the input schemas are in lib/schedules.
 */
const rangeList = z.array(timeRangeSchema);

export const holidayResource = z
  .object({
    object: z.literal('holiday'),
    id: idOf('hol', 'The holiday’s id.'),
    name: z.string(),
    start_date: z.string().meta({ description: 'First local date, YYYY-MM-DD.', example: '2026-11-08' }),
    end_date: z.string().meta({ description: 'Last local date (inclusive).', example: '2026-11-08' }),
    hours: rangeList.nullable().meta({ description: 'Special hours on these dates; null when they are closed all day.' }),
  })
  .meta({ id: 'Holiday' });

export const openStateResource = z
  .object({
    open: z.boolean(),
    reason: z.enum(['weekly_hours', 'special_hours', 'holiday', 'outside_special_hours', 'outside_hours', 'no_hours', 'no_schedule']).meta({ description: 'Why: open by the `weekly_hours` or a holiday’s `special_hours`; closed by a `holiday`, `outside_special_hours`, `outside_hours` or because there are `no_hours`; `no_schedule` is always open.' }),
    next_change_at: timestamp.nullable().meta({ description: 'When `open` flips next; null when not within a year.' }),
    holiday: z.object({ id: z.string(), name: z.string() }).nullable().meta({ description: 'The holiday behind the answer, if one is.' }),
  })
  .meta({ id: 'OpenState' });

export const scheduleResource = z
  .object({
    object: z.literal('schedule'),
    timezone: z.string().meta({ description: 'IANA time zone of the hours.', example: 'Asia/Kolkata' }),
    weekly: z.object(Object.fromEntries(weekdays.map((day) => [day, rangeList])) as Record<(typeof weekdays)[number], typeof rangeList>).meta({ description: 'Openings by weekday; an empty list is a closed day.' }),
    holidays: z.array(holidayResource),
    status: openStateResource,
  })
  .meta({ id: 'Schedule' });

export const toHolidayResource = (holiday: Holiday): z.infer<typeof holidayResource> => ({ object: 'holiday', id: holiday.id, name: holiday.name, start_date: holiday.startDate, end_date: holiday.endDate, hours: holiday.hours });

export const toOpenStateResource = (state: OpenState): z.infer<typeof openStateResource> => ({ open: state.open, reason: state.reason, next_change_at: state.next_change_at?.toISOString() ?? null, holiday: state.holiday });

/** A subject without a schedule reads as open all hours in the default zone, with `status.reason` `no_schedule`. */
export function toScheduleResource(view: ScheduleView | null, status: OpenState, fallback: Pick<ScheduleView, 'timezone' | 'weekly'>): z.infer<typeof scheduleResource> {
  return { object: 'schedule', timezone: view?.timezone ?? fallback.timezone, weekly: view?.weekly ?? fallback.weekly, holidays: (view?.holidays ?? []).map(toHolidayResource), status: toOpenStateResource(status) };
}

export const scheduleExample = {
  object: 'schedule',
  timezone: 'Asia/Kolkata',
  weekly: { mon: [{ start: '09:00', end: '18:00' }], tue: [{ start: '09:00', end: '18:00' }], wed: [{ start: '09:00', end: '18:00' }], thu: [{ start: '09:00', end: '18:00' }], fri: [{ start: '09:00', end: '18:00' }], sat: [{ start: '10:00', end: '14:00' }], sun: [] },
  holidays: [{ object: 'holiday', id: 'hol_01kaz3d4mqf2v8n6w0c1e5rj7t', name: 'Diwali', start_date: '2026-11-08', end_date: '2026-11-08', hours: null }],
  status: { open: false, reason: 'outside_hours', next_change_at: '2026-11-23T03:30:00.000Z', holiday: null },
};
