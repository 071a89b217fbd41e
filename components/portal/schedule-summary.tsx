import { ScheduleStatusBadge } from '@/components/schedules/schedule-status-badge';
import { WeekView } from '@/components/schedules/week-view';
import { Card } from '@/components/ui/card';
import { effectiveDays, isOpen, upcomingHolidays } from '@/lib/schedules/evaluate';
import { formatLocalDate } from '@/lib/schedules/format';
import { formatRanges } from '@/lib/schedules/time-of-day';
import { alwaysOpenWeek, defaultTimezone, type ScheduleView } from '@/lib/schedules/view';

/**
 * A schedule as a client member reads it (the partner sets it): open or closed now, the effective hours of the
 * next seven days and the coming holidays. Nothing to edit here.
 */
export function ScheduleSummary({ schedule, now = new Date() }: { schedule: ScheduleView | null; now?: Date }) {
  const rules = schedule ?? { timezone: defaultTimezone, weekly: alwaysOpenWeek(), holidays: [] };
  const holidays = upcomingHolidays(rules, now);
  return (
    <Card title="Working hours and holidays" description={schedule ? `Times are in ${schedule.timezone}.` : 'No working hours set: open at all hours.'} actions={<ScheduleStatusBadge state={isOpen(schedule, now)} timezone={schedule?.timezone ?? null} />}>
      <div className="space-y-4">
        <WeekView days={effectiveDays(rules, now)} />
        {holidays.length ? (
          <div>
            <h3 className="text-sm font-semibold text-slate-900">Coming holidays</h3>
            <ul className="mt-1 space-y-1 text-sm text-slate-700" data-testid="portal-holidays">
              {holidays.map((holiday) => (
                <li key={holiday.id}>
                  {holiday.name}: {formatLocalDate(holiday.startDate)}
                  {holiday.endDate !== holiday.startDate ? ` – ${formatLocalDate(holiday.endDate)}` : ''} · {holiday.hours ? `special hours ${formatRanges(holiday.hours)}` : 'closed'}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
