import { createElement } from 'react';
import type { Tx } from '@/db';
import type { Registration } from '@/db/schema';
import { queueEmail, queueSms } from '@/lib/messages/queue-message';
import { OtpEmail, otpSms } from '@/lib/messages/templates/otp-email';
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
      await queueEmail(tx, {
        partnerId: registration.partnerId,
        to: registration.email,
        // The subject is stored in clear, so it must not carry the code.
        subject: `Your ${brand.productName} verification code`,
        template: 'otp_email',
        element: createElement(OtpEmail, { brand, name: registration.name, code, minutes }),
      });
    } else {
      await queueSms(tx, { partnerId: registration.partnerId, to: registration.mobile, template: 'otp_sms', text: otpSms(brand, code, minutes) });
    }
  }
}
