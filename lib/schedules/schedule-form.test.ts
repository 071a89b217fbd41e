import { describe, expect, it } from 'vitest';
import { formAction } from '@/lib/actions/form-action';
import { idleState } from '@/lib/actions/form-state';
import { notFound } from '@/lib/errors/app-error';
import { makePartner, systemFor, unique } from '@/test/factories';
import { getSchedule } from './manage-schedules';
import { scheduleFormSteps } from './schedule-form';
import type { PartnerCtx } from '@/lib/audit/context';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

describe('the schedule editor’s actions', () => {
  it('saves the week from its text fields and reports errors beside the day, keeping what was typed', async () => {
    const ctx = systemFor((await makePartner()).id);
    const id = `sub_${unique()}`;
    const steps = scheduleFormSteps(async (_ctx, subjectId) => {
      if (subjectId !== id) throw notFound('Number');
      return { kind: 'number', id };
    });
    const run = (step: (ctx: PartnerCtx, data: FormData) => Promise<unknown>, fields: Record<string, string>) => formAction((data) => step(ctx, data) as never)(idleState, form(fields));

    const saved = await run(steps.setHours, { subject_id: id, timezone: 'Asia/Kolkata', 'weekly.mon': '09:00–13:00, 14:00–18:00', 'weekly.fri': '22:00-02:00' });
    expect(saved.status).toBe('success');
    expect((await getSchedule(ctx, { kind: 'number', id }))!.weekly.mon).toHaveLength(2);

    const refused = await run(steps.setHours, { subject_id: id, timezone: 'Asia/Kolkata', 'weekly.tue': '9 to 5' });
    expect(refused).toMatchObject({ status: 'error', values: { 'weekly.tue': '9 to 5' } });
    expect(Object.keys(refused.fieldErrors!).every((key) => key.startsWith('weekly.tue'))).toBe(true);

    expect(await run(steps.setHours, { subject_id: 'someone-elses', timezone: 'UTC' })).toMatchObject({ status: 'error', message: 'Number was not found.' });

    const added = await run(steps.addHoliday, { subject_id: id, name: 'Diwali', start_date: '2026-11-08', end_date: '', hours: '' });
    expect(added).toMatchObject({ status: 'success', message: 'Diwali added.' });
    const [holiday] = (await getSchedule(ctx, { kind: 'number', id }))!.holidays;
    expect(await run(steps.deleteHoliday, { subject_id: id, holiday_id: holiday!.id })).toMatchObject({ status: 'success' });
  });
});
