import type { DayPlan } from '@/lib/schedules/evaluate';
import { formatLocalDate } from '@/lib/schedules/format';
import { formatRanges, spanOf } from '@/lib/schedules/time-of-day';

function dayLabel(plan: DayPlan): string {
  if (plan.source === 'holiday') return `Closed: ${plan.holiday!.name}`;
  if (plan.ranges.length === 0) return 'Closed';
  return formatRanges(plan.ranges);
}

/**
 * The effective hours of the coming days (holidays and special hours applied), each as text and as a bar over
 * the 24 hours of its day. A range past midnight is drawn to the end of its own day, where it belongs.
 */
export function WeekView({ days }: { days: DayPlan[] }) {
  return (
    <ol className="divide-y divide-slate-100" aria-label="Effective hours of the coming days">
      {days.map((plan) => (
        <li key={plan.date} className="grid grid-cols-[9rem_1fr] items-center gap-3 py-2 sm:grid-cols-[9rem_14rem_1fr]">
          <span className="text-sm font-medium text-slate-800">{formatLocalDate(plan.date).replace(/ \d{4}$/, '')}</span>
          <span className="text-sm text-slate-700">
            {dayLabel(plan)}
            {plan.source === 'special_hours' ? <span className="ml-1 text-xs text-amber-800">(special hours: {plan.holiday!.name})</span> : null}
          </span>
          <div aria-hidden="true" className="relative col-span-2 h-3 rounded bg-slate-100 sm:col-span-1">
            {plan.ranges.map((range) => {
              const { from, to } = spanOf(range);
              return <span key={`${range.start}-${range.end}`} className={`absolute inset-y-0 rounded ${plan.source === 'special_hours' ? 'bg-amber-500' : 'bg-green-600'}`} style={{ left: `${(from / 1440) * 100}%`, width: `${((Math.min(to, 1440) - from) / 1440) * 100}%` }} />;
            })}
          </div>
        </li>
      ))}
    </ol>
  );
}
