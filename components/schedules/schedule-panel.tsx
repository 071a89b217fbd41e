import { Card } from '@/components/ui/card';
import { effectiveDays, isOpen, upcomingHolidays } from '@/lib/schedules/evaluate';
import { alwaysOpenWeek, defaultTimezone, type ScheduleView } from '@/lib/schedules/view';
import { ScheduleEditor, type ScheduleEditorProps } from './schedule-editor';
import { ScheduleStatusBadge } from './schedule-status-badge';
import { WeekView } from './week-view';

type Props = {
  subjectId: string;
  /** The subject's schedule; null when it has none yet (always open). */
  schedule: ScheduleView | null;
  actions: ScheduleEditorProps['actions'];
  canEdit: boolean;
  title?: string;
  now?: Date;
};

// Offered while typing a zone; any IANA name the runtime knows is accepted.
const zones = Intl.supportedValuesOf('timeZone');

/**
 * One subject's schedule in the console: open or closed now (and until when), the effective hours of the next
 * seven days, the next holidays, and the editor. Numbers, agents and WhatsApp numbers all show this.
 */
export function SchedulePanel({ subjectId, schedule, actions, canEdit, title = 'Working hours and holidays', now = new Date() }: Props) {
  const rules = schedule ?? { timezone: defaultTimezone, weekly: alwaysOpenWeek(), holidays: [] };
  return (
    <Card
      title={title}
      description={schedule ? `Times are in ${schedule.timezone}.` : 'No schedule yet: open at all hours until you set working hours or add a holiday.'}
      actions={<ScheduleStatusBadge state={isOpen(schedule, now)} timezone={schedule?.timezone ?? null} />}
    >
      <div className="space-y-6">
        <WeekView days={effectiveDays(rules, now)} />
        <ScheduleEditor subjectId={subjectId} timezone={rules.timezone} weekly={rules.weekly} holidays={upcomingHolidays(rules, now)} zones={zones} actions={actions} canEdit={canEdit} />
      </div>
    </Card>
  );
}
