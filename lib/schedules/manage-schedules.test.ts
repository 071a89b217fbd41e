import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog } from '@/db/schema';
import { makePartner, makeStaff, systemFor, unique } from '@/test/factories';
import { addHoliday, deleteHoliday, findHolidaySubject, getSchedule, getSchedules, openStateOf, setWeeklyHours } from './manage-schedules';
import type { ScheduleSubject } from './types';

const subject = (kind: ScheduleSubject['kind'] = 'number'): ScheduleSubject => ({ kind, id: `sub_${unique()}` });

describe('stored schedules', () => {
  it('sets the week, keeps holidays, and answers open or closed from what is stored', async () => {
    const partner = await makePartner();
    const ctx = systemFor(partner.id);
    const number = subject();
    expect(await getSchedule(ctx, number)).toBeNull();
    expect(await openStateOf(ctx, number)).toMatchObject({ open: true, reason: 'no_schedule' });

    await setWeeklyHours(ctx, number, { timezone: 'Asia/Kolkata', weekly: { mon: '09:00-18:00' } });
    const holiday = await addHoliday(ctx, number, { name: 'Founders day', start_date: '2026-12-07' });
    const replaced = await setWeeklyHours(ctx, number, { timezone: 'Asia/Kolkata', weekly: { mon: '10:00-18:00', tue: '10:00-18:00' } });
    expect(replaced.weekly.mon).toEqual([{ start: '10:00', end: '18:00' }]);
    expect(replaced.holidays).toEqual([{ id: holiday.id, name: 'Founders day', startDate: '2026-12-07', endDate: '2026-12-07', hours: null }]);

    expect(await openStateOf(ctx, number, new Date('2026-12-07T05:00:00Z'))).toMatchObject({ open: false, reason: 'holiday' });
    expect(await openStateOf(ctx, number, new Date('2026-12-08T05:00:00Z'))).toMatchObject({ open: true, reason: 'weekly_hours' });

    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.partnerId, partner.id), eq(auditLog.targetId, number.id)));
    expect(audit.map((entry) => entry.action).sort()).toEqual(['schedule.holiday_added', 'schedule.hours_set', 'schedule.hours_set']);
  });

  it('a first holiday before any hours leaves the other days open', async () => {
    const ctx = systemFor((await makePartner()).id);
    const agent = subject('agent');
    await addHoliday(ctx, agent, { name: 'Away', start_date: '2026-12-07', end_date: '2026-12-08' });
    expect(await openStateOf(ctx, agent, new Date('2026-12-07T05:00:00Z'))).toMatchObject({ open: false, reason: 'holiday' });
    expect(await openStateOf(ctx, agent, new Date('2026-12-09T05:00:00Z'))).toMatchObject({ open: true });
    expect((await getSchedule(ctx, agent))!.timezone).toBe('Asia/Kolkata');
  });

  it('keeps each partner’s and each subject’s schedules apart', async () => {
    const mine = systemFor((await makePartner()).id);
    const theirs = systemFor((await makePartner()).id);
    const shared = subject('whatsapp_number');
    const other = subject('whatsapp_number');
    await setWeeklyHours(mine, shared, { timezone: 'UTC', weekly: { mon: '09:00-17:00' } });
    const holiday = await addHoliday(mine, shared, { name: 'Closed', start_date: '2026-12-25' });
    expect(await getSchedule(theirs, shared)).toBeNull();
    expect(await findHolidaySubject(theirs, holiday.id)).toBeNull();
    expect(await findHolidaySubject(mine, holiday.id)).toEqual(shared);
    await expect(deleteHoliday(theirs, shared, holiday.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteHoliday(mine, other, holiday.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await getSchedules(mine, 'whatsapp_number', [shared.id, other.id])).get(shared.id)!.holidays).toHaveLength(1);
    await deleteHoliday(mine, shared, holiday.id);
    expect((await getSchedule(mine, shared))!.holidays).toEqual([]);
  });

  it('needs an admin to change, a member to read', async () => {
    const partner = await makePartner();
    const member = await makeStaff(partner.id, 'member');
    const number = subject();
    await expect(setWeeklyHours(member.ctx, number, { timezone: 'UTC', weekly: {} })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(addHoliday(member.ctx, number, { name: 'X', start_date: '2026-12-25' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await getSchedule(member.ctx, number)).toBeNull();
  });

  it('creates one schedule when two first changes race', async () => {
    const ctx = systemFor((await makePartner()).id);
    const number = subject();
    await Promise.all([setWeeklyHours(ctx, number, { timezone: 'UTC', weekly: { mon: '09:00-17:00' } }), addHoliday(ctx, number, { name: 'A', start_date: '2026-12-25' }), addHoliday(ctx, number, { name: 'B', start_date: '2026-12-26' })]);
    const schedule = await getSchedule(ctx, number);
    expect(schedule!.holidays.map((holiday) => holiday.name).sort()).toEqual(['A', 'B']);
  });
});
