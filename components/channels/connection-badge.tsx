import { Badge, type BadgeTone } from '@/components/ui/badge';

export const connectionLabels: Record<string, { label: string; tone: BadgeTone }> = {
  initialising: { label: 'Initialising', tone: 'neutral' },
  waiting_for_scan: { label: 'Waiting for scan', tone: 'info' },
  authenticated: { label: 'Authenticated', tone: 'info' },
  connected: { label: 'Connected', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  logged_out: { label: 'Logged out', tone: 'warning' },
};

export function ConnectionBadge({ connection }: { connection: string }) {
  const known = connectionLabels[connection] ?? { label: connection, tone: 'neutral' as const };
  return (
    <Badge tone={known.tone} className="connection-state">
      <span data-testid="connection-state" data-state={connection}>
        {known.label}
      </span>
    </Badge>
  );
}
