import type { Tx } from '@/db';
import type { Registration } from '@/db/schema';
import { queueTemplatedEmail } from '@/lib/email-templates/queue-templated-email';
import { queueSms } from '@/lib/messages/queue-message';
import { otpSms } from '@/lib/messages/templates/otp-sms';
import { issueOtp, otpPolicy, type OtpChannel } from './otp';
import { emailBrandFor, partnerKind } from './registration-access';

/** Issues fresh codes for the given channels and queues the messages that carry them, in the partner's brand. */
export async function sendOtps(tx: Tx, registration: Registration, channels: OtpChannel[]): Promise<void> {
  const sandbox = (await partnerKind(tx, registration.partnerId)) === 'sandbox';
  const brand = await emailBrandFor(tx, registration.partnerId);
  const minutes = otpPolicy.lifetimeMs / 60_000;
  for (const channel of channels) {
    const code = await issueOtp(tx, registration.id, channel, sandbox);
    if (channel === 'email') {
      await queueTemplatedEmail(tx, {
        partnerId: registration.partnerId,
        clientId: registration.clientId,
        to: registration.email,
        type: 'otp',
        template: 'otp_email',
        values: { 'recipient.name': registration.name, 'otp.code': code, 'otp.expires_in_minutes': String(minutes) },
      });
    } else {
      await queueSms(tx, { partnerId: registration.partnerId, clientId: registration.clientId, to: registration.mobile, template: 'otp_sms', text: otpSms(brand, code, minutes) });
    }
  }
}
