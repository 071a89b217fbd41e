import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { parseInput } from '@/lib/errors/zod';
import { addHolidaySchema, setWeeklyHoursSchema } from './schemas';
import { isTimeZone } from './timezone';
import { toWorkingHours, workingHoursSchema } from './working-hours';

const fieldErrors = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.fieldErrors;
    throw error;
  }
  throw new Error('expected a validation error');
};

describe('time zones', () => {
  it('accepts IANA names and refuses offsets, abbreviations and unknown zones', () => {
    for (const zone of ['Asia/Kolkata', 'Europe/London', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+5']) expect(isTimeZone(zone), zone).toBe(true);
    for (const zone of ['IST', '+05:30', 'GMT+5:30', 'Mars/Olympus_Mons', 'asia kolkata', '']) expect(isTimeZone(zone), zone).toBe(false);
  });
});

describe('weekly hours', () => {
  it('reads ranges as lists or as text, and fills left-out days as closed', () => {
    const parsed = parseInput(setWeeklyHoursSchema, { timezone: 'Asia/Kolkata', weekly: { mon: '09:00-13:00, 14:00–18:00', fri: [{ start: '22:00', end: '02:00' }], sat: 'closed', sun: '' } });
    expect(parsed.weekly).toEqual({
      mon: [
        { start: '09:00', end: '13:00' },
        { start: '14:00', end: '18:00' },
      ],
      tue: [],
      wed: [],
      thu: [],
      fri: [{ start: '22:00', end: '02:00' }],
      sat: [],
      sun: [],
    });
  });

  it('allows 24:00 as an end and 00:00–24:00 as the whole day', () => {
    expect(parseInput(setWeeklyHoursSchema, { timezone: 'UTC', weekly: { mon: '00:00-24:00', tue: '18:00-24:00' } }).weekly.mon).toEqual([{ start: '00:00', end: '24:00' }]);
  });

  it('says what is wrong, beside the day', () => {
    expect(fieldErrors(() => parseInput(setWeeklyHoursSchema, { timezone: 'IST', weekly: {} }))).toEqual({ timezone: expect.stringContaining('IANA') });
    expect(fieldErrors(() => parseInput(setWeeklyHoursSchema, { timezone: 'UTC', weekly: { mon: '9-18' } }))).toEqual({ 'weekly.mon.0.start': expect.stringContaining('HH:MM'), 'weekly.mon.0.end': expect.stringContaining('HH:MM') });
    expect(fieldErrors(() => parseInput(setWeeklyHoursSchema, { timezone: 'UTC', weekly: { tue: '24:00-02:00' } }))).toEqual({ 'weekly.tue.0.start': expect.stringContaining('cannot start at 24:00') });
    expect(fieldErrors(() => parseInput(setWeeklyHoursSchema, { timezone: 'UTC', weekly: { wed: '10:00-10:00' } }))).toEqual({ 'weekly.wed.0.end': expect.stringContaining('empty') });
    expect(fieldErrors(() => parseInput(setWeeklyHoursSchema, { timezone: 'UTC', weekly: { thu: '09:00-13:00, 12:00-18:00' } }))).toEqual({ 'weekly.thu': expect.stringContaining('overlap') });
    expect(fieldErrors(() => parseInput(setWeeklyHoursSchema, { timezone: 'UTC', weekly: { funday: [] } }))).toEqual({ weekly: expect.stringContaining('funday') });
  });
});

describe('holidays', () => {
  it('is one date unless a last date is given; empty hours close it', () => {
    expect(parseInput(addHolidaySchema, { name: 'Diwali', start_date: '2026-11-08', end_date: '', hours: '' })).toEqual({ name: 'Diwali', start_date: '2026-11-08', end_date: '2026-11-08', hours: null });
    expect(parseInput(addHolidaySchema, { name: 'Stocktake', start_date: '2026-12-30', end_date: '2026-12-31', hours: '10:00-14:00' })).toMatchObject({ end_date: '2026-12-31', hours: [{ start: '10:00', end: '14:00' }] });
  });

  it('refuses a backwards range, a bad date and a range over a year', () => {
    expect(fieldErrors(() => parseInput(addHolidaySchema, { name: 'X', start_date: '2026-12-31', end_date: '2026-12-01' }))).toEqual({ end_date: 'The last date is before the first.' });
    expect(fieldErrors(() => parseInput(addHolidaySchema, { name: '', start_date: '2026-02-30' }))).toMatchObject({ name: 'Name the holiday.', start_date: expect.any(String) });
    expect(fieldErrors(() => parseInput(addHolidaySchema, { name: 'Long', start_date: '2026-01-01', end_date: '2027-06-01' }))).toEqual({ end_date: expect.stringContaining('at most') });
  });
});

describe('the working_hours object of compatibility faces', () => {
  it('reads {open, close} pairs keyed by day, lists of them and closed days', () => {
    const weekly = workingHoursSchema.parse({ mon: { open: '09:00', close: '18:00' }, Tuesday: [{ open: '09:00', close: '13:00' }, { open: '14:00', close: '18:00' }], wed: null, thu: 'closed', fri: {} });
    expect(weekly.mon).toEqual([{ start: '09:00', end: '18:00' }]);
    expect(weekly.tue).toHaveLength(2);
    expect([weekly.wed, weekly.thu, weekly.fri, weekly.sat]).toEqual([[], [], [], []]);
    expect(toWorkingHours(weekly)).toMatchObject({ mon: { open: '09:00', close: '18:00' }, tue: [{ open: '09:00', close: '13:00' }, { open: '14:00', close: '18:00' }], wed: null });
  });

  it('reports a bad time at its place in the object', () => {
    const result = workingHoursSchema.safeParse({ mon: { open: '9am', close: '18:00' } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['mon', 0, 'start']);
  });
});
