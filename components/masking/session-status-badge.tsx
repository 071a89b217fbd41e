import { Badge, type BadgeTone } from '@/components/ui/badge';

const tones: Record<string, BadgeTone> = { active: 'success', in_progress: 'info', expired: 'neutral', ended: 'neutral', ringing: 'info', answered: 'info', charged: 'success', none: 'neutral', failed: 'danger', pending: 'warning' };
const labels: Record<string, string> = { in_progress: 'in progress', none: 'not billed' };

/** A masking session's, leg's or charge's status as a badge. */
export function StatusBadge({ status }: { status: string | null }) {
  if (!status) return <span className="text-slate-500">—</span>;
  return <Badge tone={tones[status] ?? 'neutral'}>{labels[status] ?? status}</Badge>;
}
