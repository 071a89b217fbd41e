import type { BadgeTone } from '@/components/ui/badge';

export const clientStatusTone: Record<'pending' | 'active' | 'inactive', BadgeTone> = { pending: 'warning', active: 'success', inactive: 'neutral' };
export const domainStatusTone: Record<'pending' | 'verified' | 'failed', BadgeTone> = { pending: 'warning', verified: 'success', failed: 'danger' };
export const partnerStatusTone: Record<'active' | 'suspended', BadgeTone> = { active: 'success', suspended: 'danger' };
