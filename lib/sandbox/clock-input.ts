import { istOffsetMs, nextPeriod, periodOf } from '@/lib/periods/ist-month';

// How the console shows and reads the test clock's times: in India time, the zone every period here is in.

/** An instant as `<input type="datetime-local">` shows it in India time: `2027-01-01T00:30`. */
export const toIstLocalInput = (instant: Date) => new Date(instant.getTime() + istOffsetMs).toISOString().slice(0, 16);

/** An instant as the console shows the clock, in India time: `1 Jan 2027, 00:30`. */
export const formatIst = (instant: Date) => new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: 'Asia/Kolkata' }).format(instant);

/** A form's `datetime-local` value read as India time (the zone of every period here); anything else goes to the schema as typed. */
export function fromIstLocalInput(value: string | undefined): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return value;
  return `${value.length === 16 ? `${value}:00` : value}+05:30`;
}

/** Where the console suggests moving the clock: half an hour into the next IST month, when last month's invoices exist. */
export const suggestedAdvance = (clock: Date) => new Date(nextPeriod(periodOf(clock)).start.getTime() + 30 * 60_000);
