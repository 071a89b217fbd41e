import type { BadgeTone } from '@/components/ui/badge';

export type AvailabilityState = 'offline' | 'available' | 'ringing' | 'on_call' | 'wrap_up' | 'break';

export const availabilityLabel: Record<AvailabilityState, string> = {
  offline: 'Offline',
  available: 'Available',
  ringing: 'Ringing',
  on_call: 'On a call',
  wrap_up: 'Wrap-up',
  break: 'On a break',
};

export const availabilityTone: Record<AvailabilityState, BadgeTone> = {
  offline: 'neutral',
  available: 'success',
  ringing: 'warning',
  on_call: 'info',
  wrap_up: 'info',
  break: 'warning',
};

/** "1h 02m", "4m 05s", "12s": time in a state or talk time. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}
