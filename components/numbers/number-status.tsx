import { Badge } from '@/components/ui/badge';
import type { ClientNumber } from '@/lib/numbers/client-numbers';
import { describeOpenState } from '@/lib/schedules/format';

const tones = { active: 'success', provisioning: 'warning', suspended: 'danger', quarantined: 'neutral' } as const;

export function NumberStatusBadge({ status }: { status: ClientNumber['status'] }) {
  return <Badge tone={tones[status === 'released' ? 'quarantined' : status]}>{status}</Badge>;
}

/** "Open now" / "Closed now (holiday: Diwali …)" for a number in a list. */
export function NumberOpenState({ number }: { number: ClientNumber }) {
  if (!number.schedule) return <span className="text-slate-500">—</span>;
  const s = number.schedule;
  const text = describeOpenState({ open: s.open, reason: s.reason as never, next_change_at: s.nextChangeAt, holiday: s.holiday ? { id: '', name: s.holiday } : null }, s.timezone);
  return <span className={s.open ? 'text-emerald-700' : 'text-red-700'} data-testid="open-state">{text}</span>;
}
