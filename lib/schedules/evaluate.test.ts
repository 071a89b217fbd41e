import { describe, expect, it } from 'vitest';
import { effectiveDays, isOpen, planForDate, upcomingHolidays } from './evaluate';
import { emptyWeek, type Holiday, type ScheduleRules, type WeeklyHours } from './types';

const week = (hours: Partial<WeeklyHours>): WeeklyHours => ({ ...emptyWeek(), ...hours });
const rules = (timezone: string, weekly: Partial<WeeklyHours>, holidays: Holiday[] = []): ScheduleRules => ({ timezone, weekly: week(weekly), holidays });
const at = (iso: string) => new Date(iso);
const iso = (date: Date | null) => date?.toISOString() ?? null;
const holiday = (id: string, startDate: string, endDate = startDate, hours: Holiday['hours'] = null): Holiday => ({ id, name: `Holiday ${id}`, startDate, endDate, hours });

const nineToSix = [{ start: '09:00', end: '18:00' }];

describe('isOpen on weekly hours', () => {
  // 2026-12-07 is a Monday; Asia/Kolkata is UTC+05:30 all year.
  const kolkata = rules('Asia/Kolkata', { mon: nineToSix, tue: nineToSix });

  it('is open inside a range and says when it closes', () => {
    const state = isOpen(kolkata, at('2026-12-07T05:00:00Z')); // 10:30 IST
    expect(state).toMatchObject({ open: true, reason: 'weekly_hours', holiday: null });
    expect(iso(state.next_change_at)).toBe('2026-12-07T12:30:00.000Z'); // 18:00 IST
  });

  it('is closed outside and says when it opens next, skipping closed days', () => {
    const evening = isOpen(kolkata, at('2026-12-08T13:00:00Z')); // Tuesday 18:30 IST
    expect(evening).toMatchObject({ open: false, reason: 'outside_hours' });
    expect(iso(evening.next_change_at)).toBe('2026-12-14T03:30:00.000Z'); // next Monday 09:00 IST
  });

  it('treats the start as open and the end as closed', () => {
    expect(isOpen(kolkata, at('2026-12-07T03:30:00Z')).open).toBe(true); // 09:00 sharp
    expect(isOpen(kolkata, at('2026-12-07T03:29:59.999Z')).open).toBe(false);
    expect(isOpen(kolkata, at('2026-12-07T12:30:00Z')).open).toBe(false); // 18:00 sharp
  });

  it('several ranges a day: closed over lunch', () => {
    const split = rules('Asia/Kolkata', { mon: [{ start: '14:00', end: '18:00' }, { start: '09:00', end: '13:00' }] });
    const lunch = isOpen(split, at('2026-12-07T07:45:00Z')); // 13:15 IST
    expect(lunch.open).toBe(false);
    expect(iso(lunch.next_change_at)).toBe('2026-12-07T08:30:00.000Z'); // 14:00 IST
  });

  it('at 23:59 and at midnight with 24:00 as the end', () => {
    const allMonday = rules('Asia/Kolkata', { mon: [{ start: '00:00', end: '24:00' }] });
    const late = isOpen(allMonday, at('2026-12-07T18:29:00Z')); // Monday 23:59 IST
    expect(late.open).toBe(true);
    expect(iso(late.next_change_at)).toBe('2026-12-07T18:30:00.000Z'); // Tuesday 00:00 IST
    const midnight = isOpen(allMonday, at('2026-12-07T18:30:00Z')); // Tuesday 00:00 IST
    expect(midnight).toMatchObject({ open: false, reason: 'outside_hours' });
    expect(iso(midnight.next_change_at)).toBe('2026-12-13T18:30:00.000Z'); // next Monday 00:00 IST
    const startOfMonday = isOpen(allMonday, at('2026-12-06T18:30:00Z')); // Monday 00:00 IST
    expect(startOfMonday.open).toBe(true);
  });

  it('merges ranges that meet across midnight into one opening', () => {
    const late = rules('Asia/Kolkata', { fri: [{ start: '20:00', end: '24:00' }], sat: [{ start: '00:00', end: '02:00' }] });
    const state = isOpen(late, at('2026-12-11T17:30:00Z')); // Friday 23:00 IST
    expect(state.open).toBe(true);
    expect(iso(state.next_change_at)).toBe('2026-12-11T20:30:00.000Z'); // Saturday 02:00 IST
  });

  it('open all week never changes; no hours never opens', () => {
    const always = rules('UTC', Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [{ start: '00:00', end: '24:00' }]])));
    expect(isOpen(always, at('2026-12-07T12:00:00Z'))).toMatchObject({ open: true, next_change_at: null });
    expect(isOpen(rules('UTC', {}), at('2026-12-07T12:00:00Z'))).toMatchObject({ open: false, reason: 'no_hours', next_change_at: null });
  });

  it('no schedule is always open', () => {
    expect(isOpen(null, at('2026-12-07T12:00:00Z'))).toEqual({ open: true, reason: 'no_schedule', next_change_at: null, holiday: null });
  });
});

describe('overnight ranges', () => {
  // Friday 22:00 to 02:00: Friday's range, ending on Saturday.
  const bar = rules('Asia/Kolkata', { fri: [{ start: '22:00', end: '02:00' }] });

  it('is open after midnight on the range of the day before', () => {
    const state = isOpen(bar, at('2026-12-11T19:30:00Z')); // Saturday 01:00 IST
    expect(state).toMatchObject({ open: true, reason: 'weekly_hours' });
    expect(iso(state.next_change_at)).toBe('2026-12-11T20:30:00.000Z'); // Saturday 02:00 IST
  });

  it('opens at its start and closes at its end', () => {
    const before = isOpen(bar, at('2026-12-11T16:29:00Z')); // Friday 21:59 IST
    expect(before.open).toBe(false);
    expect(iso(before.next_change_at)).toBe('2026-12-11T16:30:00.000Z');
    expect(isOpen(bar, at('2026-12-11T20:30:00Z')).open).toBe(false); // Saturday 02:00 IST
  });

  it('belongs to the day it starts: a holiday on that day removes it, one on the next day does not', () => {
    const fridayOff = { ...bar, holidays: [holiday('hol_a', '2026-12-11')] };
    expect(isOpen(fridayOff, at('2026-12-11T19:30:00Z'))).toMatchObject({ open: false });
    const saturdayOff = { ...bar, holidays: [holiday('hol_b', '2026-12-12')] };
    expect(isOpen(saturdayOff, at('2026-12-11T19:30:00Z'))).toMatchObject({ open: true, reason: 'weekly_hours' });
    // Once Friday's range has ended, Saturday is the holiday.
    expect(isOpen(saturdayOff, at('2026-12-11T21:00:00Z'))).toMatchObject({ open: false, reason: 'holiday', holiday: { id: 'hol_b' } });
  });

  it('00:00 as the end means midnight', () => {
    const evening = rules('UTC', { mon: [{ start: '18:00', end: '00:00' }] });
    const state = isOpen(evening, at('2026-12-07T23:59:00Z'));
    expect(state.open).toBe(true);
    expect(iso(state.next_change_at)).toBe('2026-12-08T00:00:00.000Z');
  });
});

describe('daylight-saving transitions (America/New_York: 2026-03-08 springs forward, 2026-11-01 falls back)', () => {
  it('a day range on the spring-forward day is in daylight time', () => {
    const sunday = rules('America/New_York', { sat: nineToSix, sun: nineToSix });
    const saturday = isOpen(sunday, at('2026-03-07T20:00:00Z'));
    expect(iso(saturday.next_change_at)).toBe('2026-03-07T23:00:00.000Z'); // 18:00 EST
    const state = isOpen(sunday, at('2026-03-08T12:59:00Z')); // 08:59 EDT
    expect(state.open).toBe(false);
    expect(iso(state.next_change_at)).toBe('2026-03-08T13:00:00.000Z'); // 09:00 EDT
    expect(iso(isOpen(sunday, at('2026-03-08T13:00:00Z')).next_change_at)).toBe('2026-03-08T22:00:00.000Z'); // 18:00 EDT
  });

  it('a range across the skipped hour is an hour shorter', () => {
    const early = rules('America/New_York', { sun: [{ start: '01:00', end: '04:00' }] });
    const state = isOpen(early, at('2026-03-08T06:00:00Z')); // 01:00 EST
    expect(state.open).toBe(true);
    expect(iso(state.next_change_at)).toBe('2026-03-08T08:00:00.000Z'); // 04:00 EDT: two hours later
  });

  it('a start inside the skipped hour moves to after it', () => {
    const gap = rules('America/New_York', { sun: [{ start: '02:30', end: '05:00' }] });
    const state = isOpen(gap, at('2026-03-08T06:30:00Z')); // 01:30 EST
    expect(state.open).toBe(false);
    expect(iso(state.next_change_at)).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
  });

  it('the whole fall-back day lasts 25 hours', () => {
    const sunday = rules('America/New_York', { sun: [{ start: '00:00', end: '24:00' }] });
    const state = isOpen(sunday, at('2026-11-01T04:00:00Z')); // 00:00 EDT
    expect(state.open).toBe(true);
    expect(iso(state.next_change_at)).toBe('2026-11-02T05:00:00.000Z'); // Monday 00:00 EST
    expect(isOpen(sunday, at('2026-11-02T04:30:00Z')).open).toBe(true); // 23:30 EST, 24.5 hours in
  });

  it('an overnight range across the fall-back is an hour longer', () => {
    const night = rules('America/New_York', { sat: [{ start: '22:00', end: '02:00' }] });
    const state = isOpen(night, at('2026-11-01T02:00:00Z')); // Saturday 22:00 EDT
    expect(state.open).toBe(true);
    expect(iso(state.next_change_at)).toBe('2026-11-01T07:00:00.000Z'); // Sunday 02:00 EST: five hours later
  });

  it('follows Europe/London too (2026-03-29 and 2026-10-25)', () => {
    const london = rules('Europe/London', { sun: nineToSix, mon: nineToSix });
    expect(iso(isOpen(london, at('2026-03-29T07:00:00Z')).next_change_at)).toBe('2026-03-29T08:00:00.000Z'); // 09:00 BST
    expect(iso(isOpen(london, at('2026-10-25T07:00:00Z')).next_change_at)).toBe('2026-10-25T09:00:00.000Z'); // 09:00 GMT
  });
});

describe('holidays', () => {
  const weekdaysOpen = rules('Asia/Kolkata', { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix });

  it('a closing holiday closes the whole day and says which', () => {
    const closed = { ...weekdaysOpen, holidays: [holiday('hol_1', '2026-12-07')] };
    const state = isOpen(closed, at('2026-12-07T05:00:00Z'));
    expect(state).toMatchObject({ open: false, reason: 'holiday', holiday: { id: 'hol_1', name: 'Holiday hol_1' } });
    expect(iso(state.next_change_at)).toBe('2026-12-08T03:30:00.000Z'); // Tuesday 09:00 IST
  });

  it('a range of dates closes each of them', () => {
    const closed = { ...weekdaysOpen, holidays: [holiday('hol_2', '2026-12-07', '2026-12-09')] };
    expect(isOpen(closed, at('2026-12-08T05:00:00Z')).reason).toBe('holiday');
    expect(iso(isOpen(closed, at('2026-12-07T05:00:00Z')).next_change_at)).toBe('2026-12-10T03:30:00.000Z');
  });

  it('special hours replace the weekly hours, on a closed weekday too', () => {
    const special = { ...weekdaysOpen, holidays: [holiday('hol_3', '2026-12-07', '2026-12-07', [{ start: '10:00', end: '14:00' }]), holiday('hol_4', '2026-12-13', '2026-12-13', [{ start: '11:00', end: '13:00' }])] };
    const morning = isOpen(special, at('2026-12-07T04:00:00Z')); // 09:30 IST, before the special opening
    expect(morning).toMatchObject({ open: false, reason: 'outside_special_hours', holiday: { id: 'hol_3' } });
    expect(iso(morning.next_change_at)).toBe('2026-12-07T04:30:00.000Z');
    expect(isOpen(special, at('2026-12-07T05:00:00Z'))).toMatchObject({ open: true, reason: 'special_hours', holiday: { id: 'hol_3' } });
    expect(isOpen(special, at('2026-12-13T06:00:00Z'))).toMatchObject({ open: true, reason: 'special_hours' }); // a Sunday
  });

  it('a closing holiday beats special hours on the same date; the narrower special hours beat a wider range', () => {
    const both = { ...weekdaysOpen, holidays: [holiday('hol_5', '2026-12-07', '2026-12-07', [{ start: '10:00', end: '14:00' }]), holiday('hol_6', '2026-12-07')] };
    expect(isOpen(both, at('2026-12-07T05:00:00Z'))).toMatchObject({ open: false, reason: 'holiday', holiday: { id: 'hol_6' } });
    const nested = { ...weekdaysOpen, holidays: [holiday('hol_7', '2026-12-01', '2026-12-31', [{ start: '10:00', end: '12:00' }]), holiday('hol_8', '2026-12-07', '2026-12-07', [{ start: '15:00', end: '16:00' }])] };
    expect(planForDate(nested, '2026-12-07')).toMatchObject({ source: 'special_hours', holiday: { id: 'hol_8' } });
    expect(planForDate(nested, '2026-12-08')).toMatchObject({ source: 'special_hours', holiday: { id: 'hol_7' } });
  });

  it('holidays are local dates of the schedule’s zone', () => {
    // 2026-12-07 00:30 IST is still 2026-12-06 in UTC.
    const allWeek = rules('Asia/Kolkata', { mon: [{ start: '00:00', end: '24:00' }] }, [holiday('hol_9', '2026-12-07')]);
    expect(isOpen(allWeek, at('2026-12-06T19:00:00Z')).reason).toBe('holiday');
  });
});

describe('the week view', () => {
  it('lists the effective hours of the next days and the coming holidays', () => {
    const schedule = rules('Asia/Kolkata', { mon: nineToSix, tue: nineToSix }, [holiday('hol_b', '2026-12-08'), holiday('hol_a', '2026-11-01'), holiday('hol_c', '2026-12-25')]);
    const days = effectiveDays(schedule, at('2026-12-06T20:00:00Z')); // Monday 01:30 IST
    expect(days.map((day) => [day.date, day.weekday, day.source])).toEqual([
      ['2026-12-07', 'mon', 'weekly'],
      ['2026-12-08', 'tue', 'holiday'],
      ['2026-12-09', 'wed', 'weekly'],
      ['2026-12-10', 'thu', 'weekly'],
      ['2026-12-11', 'fri', 'weekly'],
      ['2026-12-12', 'sat', 'weekly'],
      ['2026-12-13', 'sun', 'weekly'],
    ]);
    expect(days[0]!.ranges).toEqual(nineToSix);
    expect(upcomingHolidays(schedule, at('2026-12-06T20:00:00Z')).map((h) => h.id)).toEqual(['hol_b', 'hol_c']);
  });
});
