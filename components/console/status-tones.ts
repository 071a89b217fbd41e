import type { BadgeTone } from '@/components/ui/badge';

export const clientStatusTone: Record<'pending' | 'active' | 'inactive', BadgeTone> = { pending: 'warning', active: 'success', inactive: 'neutral' };
export const domainStatusTone: Record<'pending' | 'verified' | 'failed', BadgeTone> = { pending: 'warning', verified: 'success', failed: 'danger' };
export const partnerStatusTone: Record<'active' | 'suspended', BadgeTone> = { active: 'success', suspended: 'danger' };
export const apiKeyStatusTone: Record<'active' | 'expired' | 'revoked', BadgeTone> = { active: 'success', expired: 'warning', revoked: 'neutral' };
export const environmentTone: Record<'live' | 'test', BadgeTone> = { live: 'success', test: 'warning' };
export const webhookEndpointStatusTone: Record<'enabled' | 'disabled', BadgeTone> = { enabled: 'success', disabled: 'neutral' };
export const deliveryStatusTone: Record<'pending' | 'delivering' | 'succeeded' | 'failed', BadgeTone> = { pending: 'info', delivering: 'info', succeeded: 'success', failed: 'danger' };

/** HTTP status of an API request or a webhook response: 2xx fine, 4xx the caller's problem, 5xx ours (or theirs). */
export function httpStatusTone(status: number | null | undefined): BadgeTone {
  if (!status) return 'neutral';
  if (status < 300) return 'success';
  if (status < 500) return 'warning';
  return 'danger';
}

export const registrationStatusTone: Record<'pending' | 'completed' | 'cancelled' | 'expired', BadgeTone> = { pending: 'warning', completed: 'success', cancelled: 'neutral', expired: 'neutral' };
export const onboardingLinkStatusTone: Record<'active' | 'used' | 'revoked' | 'expired', BadgeTone> = { active: 'success', used: 'info', revoked: 'neutral', expired: 'warning' };
export const messageStatusTone: Record<'queued' | 'sent' | 'failed', BadgeTone> = { queued: 'info', sent: 'success', failed: 'danger' };
/** A KYC check: verified (or GST skipped with a reason) is done; pending is with the provider; failed needs a retry. */
export const verificationTone: Record<string, BadgeTone> = { verified: 'success', skipped: 'neutral', pending: 'info', otp_sent: 'info', failed: 'danger', unverified: 'neutral' };
