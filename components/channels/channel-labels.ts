import type { BadgeTone } from '@/components/ui/badge';

export const modeLabels: Record<string, { label: string; tone: BadgeTone }> = { trial: { label: 'Trial', tone: 'warning' }, live: { label: 'Live', tone: 'success' } };
export const statusLabels: Record<string, { label: string; tone: BadgeTone }> = { active: { label: 'Running', tone: 'success' }, stopped: { label: 'Stopped', tone: 'danger' }, deleted: { label: 'Deleted', tone: 'neutral' } };

const when = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' });
export const formatWhen = (at: Date | string) => `${when.format(new Date(at))} IST`;
