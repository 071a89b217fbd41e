import { whatsappNumbers } from '@/db/schema';
import type { HealthEntity } from '@/lib/providers/whatsapp-cloud/cloud-api-provider';

/** What anyone may see of a linked number: everything but its token. */
export const numberColumns = {
  id: whatsappNumbers.id,
  partnerId: whatsappNumbers.partnerId,
  clientId: whatsappNumbers.clientId,
  phoneNumberId: whatsappNumbers.phoneNumberId,
  wabaId: whatsappNumbers.wabaId,
  displayPhoneNumber: whatsappNumbers.displayPhoneNumber,
  verifiedName: whatsappNumbers.verifiedName,
  sentDisplayNumber: whatsappNumbers.sentDisplayNumber,
  sentVerifiedName: whatsappNumbers.sentVerifiedName,
  status: whatsappNumbers.status,
  statusReason: whatsappNumbers.statusReason,
  qualityRating: whatsappNumbers.qualityRating,
  canSendMessage: whatsappNumbers.canSendMessage,
  nameStatus: whatsappNumbers.nameStatus,
  platformType: whatsappNumbers.platformType,
  throughputLevel: whatsappNumbers.throughputLevel,
  metaStatus: whatsappNumbers.metaStatus,
  messagingLimitTier: whatsappNumbers.messagingLimitTier,
  accountMode: whatsappNumbers.accountMode,
  healthEntities: whatsappNumbers.healthEntities,
  tokenExpiresAt: whatsappNumbers.tokenExpiresAt,
  feePaidPeriod: whatsappNumbers.feePaidPeriod,
  feeUnpaidReason: whatsappNumbers.feeUnpaidReason,
  feeGraceEndsAt: whatsappNumbers.feeGraceEndsAt,
  feeSuspendedAt: whatsappNumbers.feeSuspendedAt,
  lastCheckedAt: whatsappNumbers.lastCheckedAt,
  nextCheckAt: whatsappNumbers.nextCheckAt,
  linkedAt: whatsappNumbers.linkedAt,
  unlinkedAt: whatsappNumbers.unlinkedAt,
  createdAt: whatsappNumbers.createdAt,
  updatedAt: whatsappNumbers.updatedAt,
};

export type WhatsappNumberView = {
  id: string;
  partnerId: string;
  clientId: string;
  phoneNumberId: string;
  wabaId: string | null;
  displayPhoneNumber: string;
  verifiedName: string;
  sentDisplayNumber: string | null;
  sentVerifiedName: string | null;
  status: 'active' | 'token_expired' | 'needs_attention' | 'unlinked';
  statusReason: string | null;
  qualityRating: string | null;
  canSendMessage: string | null;
  nameStatus: string | null;
  platformType: string | null;
  throughputLevel: string | null;
  metaStatus: string | null;
  messagingLimitTier: string | null;
  accountMode: string | null;
  healthEntities: HealthEntity[];
  tokenExpiresAt: Date | null;
  feePaidPeriod: string | null;
  feeUnpaidReason: string | null;
  feeGraceEndsAt: Date | null;
  feeSuspendedAt: Date | null;
  lastCheckedAt: Date;
  nextCheckAt: Date;
  linkedAt: Date;
  unlinkedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

const digits = (value: string) => value.replace(/\D/g, '');

/** Where what the partner sent differs from what Meta says (Meta's wins): the fields, for display. */
export function differencesFromSent(view: Pick<WhatsappNumberView, 'displayPhoneNumber' | 'verifiedName' | 'sentDisplayNumber' | 'sentVerifiedName'>): ('display_number' | 'verified_name')[] {
  const differences: ('display_number' | 'verified_name')[] = [];
  // Numbers compare by their digits (+91 11 4310 4501 is +911143104501); names as written, ignoring case.
  if (view.sentDisplayNumber && digits(view.sentDisplayNumber) !== digits(view.displayPhoneNumber)) differences.push('display_number');
  if (view.sentVerifiedName && view.sentVerifiedName.trim().toLowerCase() !== view.verifiedName.trim().toLowerCase()) differences.push('verified_name');
  return differences;
}

/** Where the monthly fee stands: paid (or not yet due), unpaid within its grace period, or suspended for it. */
export function feeStatus(view: Pick<WhatsappNumberView, 'feeGraceEndsAt' | 'feeSuspendedAt'>): 'paid' | 'grace' | 'suspended' {
  return view.feeSuspendedAt ? 'suspended' : view.feeGraceEndsAt ? 'grace' : 'paid';
}

/** The days left before the token expires (0 once expired), or null when it never expires. */
export function tokenDaysLeft(view: Pick<WhatsappNumberView, 'tokenExpiresAt'>, now = new Date()): number | null {
  if (!view.tokenExpiresAt) return null;
  return Math.max(0, Math.ceil((view.tokenExpiresAt.getTime() - now.getTime()) / 86_400_000));
}

/** The event payload of a number: never its token. */
export function numberEventData(view: WhatsappNumberView) {
  return {
    id: view.id,
    client_id: view.clientId,
    phone_number_id: view.phoneNumberId,
    display_phone_number: view.displayPhoneNumber,
    verified_name: view.verifiedName,
    status: view.status,
    status_reason: view.statusReason,
    quality_rating: view.qualityRating,
    can_send_message: view.canSendMessage,
    token_expires_at: view.tokenExpiresAt?.toISOString() ?? null,
    fee_status: feeStatus(view),
  };
}
