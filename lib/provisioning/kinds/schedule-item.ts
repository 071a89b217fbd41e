import { z } from 'zod';
import type { PartnerCtx } from '@/lib/audit/context';
import { addHoliday, deleteHoliday, getSchedules, setWeeklyHours } from '@/lib/schedules/manage-schedules';
import { addHolidaySchema, maxHolidays, timezoneSchema, weeklyHoursSchema } from '@/lib/schedules/schemas';
import type { ScheduleSubjectKind } from '@/lib/schedules/types';
import type { ScheduleView } from '@/lib/schedules/view';
import { canonicalJson } from '../fingerprint';
import type { ItemKind } from './types';

export const scheduleItemSchema = z.strictObject({
  timezone: timezoneSchema,
  weekly: weeklyHoursSchema,
  holidays: z.array(addHolidaySchema).max(maxHolidays, `Use at most ${maxHolidays} holidays.`).default([]),
});
export type ScheduleItem = z.output<typeof scheduleItemSchema>;

const itemOf = (view: ScheduleView): ScheduleItem => ({
  timezone: view.timezone,
  weekly: view.weekly,
  holidays: view.holidays.map((holiday) => ({ name: holiday.name, start_date: holiday.startDate, end_date: holiday.endDate, hours: holiday.hours })),
});

export const scheduleExample: ScheduleItem = {
  timezone: 'Asia/Kolkata',
  weekly: { mon: [{ start: '09:00', end: '18:00' }], tue: [{ start: '09:00', end: '18:00' }], wed: [{ start: '09:00', end: '18:00' }], thu: [{ start: '09:00', end: '18:00' }], fri: [{ start: '09:00', end: '18:00' }], sat: [{ start: '10:00', end: '14:00' }], sun: [] },
  holidays: [{ name: 'Republic Day', start_date: '2027-01-26', end_date: '2027-01-26', hours: null }],
};

/**
 * Working hours for every subject of one kind a client has (its numbers, its WhatsApp numbers): a template
 * carries one schedule, and installing gives it to each of them through the one schedule engine. A client
 * without such subjects has no place for it yet (the item is shown as unavailable and skipped).
 */
export function scheduleKind(options: {
  kind: string;
  label: string;
  description: string;
  subjectKind: ScheduleSubjectKind;
  /** The client's subjects, checked as the caller's by the subject's own domain's rules. */
  subjectsOf: (ctx: PartnerCtx, clientId: string) => Promise<string[]>;
  missing: string;
}): ItemKind<ScheduleItem> {
  const schedulesOf = async (ctx: PartnerCtx, clientId: string) => {
    const ids = await options.subjectsOf(ctx, clientId);
    return { ids, schedules: await getSchedules(ctx, options.subjectKind, ids) };
  };
  return {
    kind: options.kind,
    label: options.label,
    description: options.description,
    schema: scheduleItemSchema as unknown as z.ZodType<ScheduleItem>,
    example: scheduleExample,
    keyOf: () => 'all',
    labelOf: (data) => `${options.label} (${data.timezone})`,
    async snapshot(ctx, clientId) {
      const { ids, schedules } = await schedulesOf(ctx, clientId);
      const first = ids.map((id) => schedules.get(id)).find(Boolean);
      return first ? [{ key: 'all', data: itemOf(first) }] : [];
    },
    async current(ctx, clientId) {
      const { ids, schedules } = await schedulesOf(ctx, clientId);
      if (!ids.length) return { state: 'unavailable', reason: options.missing };
      const items = ids.map((id) => schedules.get(id)).map((view) => (view ? itemOf(view) : null));
      if (items.every((item) => item === null)) return { state: 'absent' };
      // All alike: that is the client's schedule. Otherwise the subjects differ, which is a change of its own.
      const [first] = items;
      const alike = items.every((item) => canonicalJson(item) === canonicalJson(first));
      return { state: 'present', data: alike && first ? first : { ...(items.find(Boolean) as ScheduleItem), holidays: [], mixed: true } as ScheduleItem };
    },
    async apply(ctx, clientId, _key, data) {
      const { ids, schedules } = await schedulesOf(ctx, clientId);
      for (const id of ids) {
        const subject = { kind: options.subjectKind, id };
        await setWeeklyHours(ctx, subject, { timezone: data.timezone, weekly: data.weekly });
        for (const holiday of schedules.get(id)?.holidays ?? []) await deleteHoliday(ctx, subject, holiday.id);
        for (const holiday of data.holidays) await addHoliday(ctx, subject, holiday);
      }
    },
  };
}
