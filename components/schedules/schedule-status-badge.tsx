import { Badge } from '@/components/ui/badge';
import type { OpenState } from '@/lib/schedules/evaluate';
import { describeOpenState } from '@/lib/schedules/format';

/** "Open now" / "Closed now (reason, until …)", the time in the schedule's own zone. */
export function ScheduleStatusBadge({ state, timezone }: { state: OpenState; timezone: string | null }) {
  const text = describeOpenState(state, timezone);
  return (
    <Badge tone={state.open ? 'success' : 'neutral'} className="whitespace-normal">
      <span data-testid="schedule-status">{text}</span>
    </Badge>
  );
}
