import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { storableIsoDate } from '@/lib/dates/storable-date';
import { istStart } from '@/lib/ledger/commission-report';
import { periodFromKey, periodKeySchema, periodOf } from '@/lib/periods/ist-month';

const dayMs = 24 * 60 * 60 * 1000;
const isoDate = storableIsoDate('Use a date as YYYY-MM-DD.');

export const reportPeriodSchema = z.object({
  /** An IST month, `YYYY-MM`; or a range of Indian days with `from` and `to` (both included). */
  month: periodKeySchema.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

/** A report's span: Indian days [start, end) as instants, and how it was asked for. */
export type ReportPeriod = { from: string; to: string; start: Date; end: Date };

const istDay = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(instant);

/**
 * The period a usage or metrics request names: a month, or from/to (either end may be left out: the month of
 * the other), or else this IST month so far. At most 400 days, so a report stays one bounded read.
 */
export function reportPeriod(input: Untrusted<z.input<typeof reportPeriodSchema>>, now: Date = new Date()): ReportPeriod {
  const data = parseInput(reportPeriodSchema, input);
  if (data.month && (data.from || data.to)) throw new AppError('validation_failed', 'Give either a month or a from/to range, not both.', { month: 'Give either a month or a from/to range, not both.' });
  let start: Date;
  let end: Date;
  if (data.month) {
    const period = periodFromKey(data.month);
    [start, end] = [period.start, period.end];
  } else if (data.from || data.to) {
    const anchor = periodOf(istStart((data.from ?? data.to)!));
    start = data.from ? istStart(data.from) : anchor.start;
    end = data.to ? new Date(istStart(data.to).getTime() + dayMs) : periodOf(istStart(data.from!)).end;
  } else {
    const period = periodOf(now);
    [start, end] = [period.start, period.end];
  }
  if (end <= start) throw new AppError('validation_failed', 'The end date is before the start date.', { to: 'The end date is before the start date.' });
  if (end.getTime() - start.getTime() > 400 * dayMs) throw new AppError('validation_failed', 'A report covers at most 400 days.', { to: 'A report covers at most 400 days.' });
  return { from: istDay(start), to: istDay(new Date(end.getTime() - 1)), start, end };
}
