import type { TimeRange } from './types';

/** `HH:MM` from 00:00 to 24:00 (24:00 only means "the end of the day"). */
export const timeOfDayPattern = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A range as minutes from the start of its own day: the end past 1440 when it runs past midnight. */
export function spanOf(range: TimeRange): { from: number; to: number } {
  const from = minutesOf(range.start);
  const end = minutesOf(range.end);
  return { from, to: end > from ? end : end + 1440 };
}

/** `09:00–13:00, 14:00–18:00`: how ranges read in the console, and what its fields accept back. */
export function formatRanges(ranges: readonly TimeRange[]): string {
  return ranges.map((range) => `${range.start}–${range.end}`).join(', ');
}
