import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { WhatsappNumberView } from '@/lib/whatsapp/number-view';
import { tokenDaysLeft } from '@/lib/whatsapp/number-view';

const statusTone: Record<WhatsappNumberView['status'], BadgeTone> = { active: 'success', token_expired: 'danger', needs_attention: 'warning', unlinked: 'neutral' };
const statusLabel: Record<WhatsappNumberView['status'], string> = { active: 'Active', token_expired: 'Token expired', needs_attention: 'Needs attention', unlinked: 'Unlinked' };
const qualityTone: Record<string, BadgeTone> = { GREEN: 'success', YELLOW: 'warning', RED: 'danger' };
const sendTone: Record<string, BadgeTone> = { AVAILABLE: 'success', LIMITED: 'warning', BLOCKED: 'danger' };

export function NumberStatusBadge({ number }: { number: WhatsappNumberView }) {
  return <Badge tone={statusTone[number.status]}>{statusLabel[number.status]}</Badge>;
}

/** Quality and whether it can send, as Meta says. */
export function HealthBadges({ number }: { number: WhatsappNumberView }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={qualityTone[number.qualityRating ?? ''] ?? 'neutral'}>Quality {number.qualityRating ?? 'unknown'}</Badge>
      <Badge tone={sendTone[number.canSendMessage ?? ''] ?? 'neutral'}>{number.canSendMessage ?? 'Unknown'}</Badge>
    </span>
  );
}

/** "Never expires", "Expires in 3 days", "Expired". */
export function TokenExpiry({ number, now = new Date() }: { number: WhatsappNumberView; now?: Date }) {
  const days = tokenDaysLeft(number, now);
  if (number.status === 'unlinked') return <span className="text-slate-500">—</span>;
  if (days === null) return <span>Never expires</span>;
  if (days === 0 || number.status === 'token_expired') return <Badge tone="danger">Expired</Badge>;
  return <Badge tone={days <= 7 ? 'warning' : 'neutral'}>{`Expires in ${days} day${days === 1 ? '' : 's'}`}</Badge>;
}
