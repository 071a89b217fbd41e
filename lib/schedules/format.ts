import { DateTime } from 'luxon';
import type { OpenReason, OpenState } from './evaluate';

/** A moment as people of the schedule's zone read it: `Tue 8 Dec, 09:00`. */
export function formatInZone(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('ccc d LLL, HH:mm');
}

/** A local date (YYYY-MM-DD) as `Tue 8 Dec 2026`. */
export function formatLocalDate(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).toFormat('ccc d LLL yyyy');
}

const reasonWords: Record<OpenReason, string> = {
  weekly_hours: 'working hours',
  special_hours: 'special hours',
  holiday: 'holiday',
  outside_special_hours: 'outside special hours',
  outside_hours: 'outside working hours',
  no_hours: 'no working hours set',
  no_schedule: 'no schedule',
};

/** "Closed now (holiday: Diwali, until Tue 8 Dec, 09:00)", for badges and lists. */
export function describeOpenState(state: OpenState, zone: string | null): string {
  const reason = state.holiday ? `${reasonWords[state.reason]}: ${state.holiday.name}` : reasonWords[state.reason];
  const until = state.next_change_at && zone ? `, until ${formatInZone(state.next_change_at, zone)}` : '';
  return `${state.open ? 'Open now' : 'Closed now'} (${reason}${until})`;
}
