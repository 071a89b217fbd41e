import 'server-only';
import { fieldsOf, type ActionOutcome } from '@/lib/actions/form-action';
import type { PartnerCtx } from '@/lib/audit/context';
import { addHoliday, deleteHoliday, setWeeklyHours } from './manage-schedules';
import { weekdays, type ScheduleSubject } from './types';

/**
 * Finds the subject a form names (its `subject_id` field) among the caller's own, or throws not_found: each
 * subject's domain supplies one (a number of the partner, an agent, a WhatsApp number), since a posted form
 * can name anything.
 */
export type ScheduleSubjectGuard = (ctx: PartnerCtx, subjectId: string) => Promise<ScheduleSubject>;

/**
 * The bodies of the schedule editor's three server actions for one kind of subject. A page's actions file
 * wraps each in `consoleAction` (or `partnerAction`): `export const setHoursAction = consoleAction(({ dataCtx }, form) => steps.setHours(dataCtx, form))`.
 */
export function scheduleFormSteps(guard: ScheduleSubjectGuard) {
  return {
    async setHours(ctx: PartnerCtx, formData: FormData): Promise<ActionOutcome<unknown>> {
      const fields = fieldsOf(formData);
      const subject = await guard(ctx, fields.subject_id ?? '');
      await setWeeklyHours(ctx, subject, { timezone: fields.timezone, weekly: Object.fromEntries(weekdays.map((day) => [day, fields[`weekly.${day}`] ?? ''])) });
      return { message: 'Working hours saved.' };
    },
    async addHoliday(ctx: PartnerCtx, formData: FormData): Promise<ActionOutcome<unknown>> {
      const fields = fieldsOf(formData);
      const subject = await guard(ctx, fields.subject_id ?? '');
      const holiday = await addHoliday(ctx, subject, { name: fields.name, start_date: fields.start_date, end_date: fields.end_date, hours: fields.hours });
      return { message: `${holiday.name} added.` };
    },
    async deleteHoliday(ctx: PartnerCtx, formData: FormData): Promise<ActionOutcome<unknown>> {
      const fields = fieldsOf(formData);
      const subject = await guard(ctx, fields.subject_id ?? '');
      const holiday = await deleteHoliday(ctx, subject, fields.holiday_id ?? '');
      return { message: `${holiday.name} deleted.` };
    },
  };
}
