import type { Tx } from '@/db';
import { queueTemplatedEmail } from '@/lib/email-templates/queue-templated-email';
import { emitEvent } from '@/lib/events/emit-event';
import { adminRecipients } from '@/lib/team/admin-recipients';
import { partnerHomeUrl } from '@/lib/tenancy/partner-home-url';
import { numberEventData, type WhatsappNumberView } from './number-view';

/** The health fields whose change is announced. */
export const watchedFields = ['status', 'qualityRating', 'canSendMessage', 'nameStatus', 'messagingLimitTier'] as const satisfies readonly (keyof WhatsappNumberView)[];
const fieldNames: Record<(typeof watchedFields)[number], string> = { status: 'status', qualityRating: 'quality_rating', canSendMessage: 'can_send_message', nameStatus: 'name_status', messagingLimitTier: 'messaging_limit_tier' };

export type HealthChange = { field: string; from: string | null; to: string | null };

export function healthChanges(before: WhatsappNumberView, after: WhatsappNumberView): HealthChange[] {
  return watchedFields.filter((field) => before[field] !== after[field]).map((field) => ({ field: fieldNames[field], from: before[field], to: after[field] }));
}

export async function emailAdmins(tx: Tx, number: WhatsappNumberView, subject: string, lines: string[], action: string) {
  const { emails, testMode } = await adminRecipients(tx, number.partnerId);
  if (!emails.length) return;
  const consoleUrl = await partnerHomeUrl(tx, number.partnerId, `/whatsapp/numbers/${number.id}`);
  const values = { 'number.display': number.displayPhoneNumber, 'number.name': number.verifiedName, 'notice.subject': subject, 'notice.details': lines.join(' '), 'notice.action': action, 'notice.mode': testMode ? 'test mode — switch on Test mode in the console to see it' : 'live', 'link.url': consoleUrl };
  for (const to of emails) await queueTemplatedEmail(tx, { partnerId: number.partnerId, to, type: 'whatsapp_number_notice', values });
}

/** A health change at a check: the event, and an e-mail to the partner's owners and admins. */
export async function announceHealthChange(tx: Tx, number: WhatsappNumberView, changes: HealthChange[]): Promise<void> {
  if (!changes.length) return;
  await emitEvent(tx, number.partnerId, 'whatsapp_number.health_changed', { whatsapp_number: numberEventData(number), changes });
  const lines = changes.map((change) => `Its ${change.field.replaceAll('_', ' ')} changed from ${change.from ?? 'none'} to ${change.to ?? 'none'}.`);
  await emailAdmins(tx, number, 'health changed', lines, 'Open the number in the console to see Meta’s reasons and what to do.');
}

/** A token that expires within 7 days, or has expired: the event and an e-mail. */
export async function announceTokenExpiry(tx: Tx, number: WhatsappNumberView, expired: boolean): Promise<void> {
  const when = number.tokenExpiresAt ? number.tokenExpiresAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : 'now';
  await emitEvent(tx, number.partnerId, 'whatsapp_number.token_expiring', { whatsapp_number: numberEventData(number), expired, expires_at: number.tokenExpiresAt?.toISOString() ?? null });
  const line = expired ? `Its access token has expired (${when}); messages through it stop until it is linked again with a new token.` : `Its access token expires on ${when}.`;
  await emailAdmins(tx, number, expired ? 'token expired' : 'token expiring', [line], 'Create a new token (a system-user token that never expires is best) and link the number again with it.');
}
