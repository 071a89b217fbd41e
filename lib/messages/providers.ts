import { getConfig } from '@/lib/config';
import type { EmailProvider, OutgoingEmail } from '@/lib/providers/email/email-provider';
import { SmtpEmailProvider } from '@/lib/providers/email/smtp-email';
import type { SmsProvider } from '@/lib/providers/sms/sms-provider';

/**
 * The simulator "sends" by keeping the message readable in the dev outbox; nothing leaves the platform. It
 * checks what a real provider would refuse (an attachment with no name or no bytes), so a broken attachment
 * fails in a sandbox the same way it would in live.
 */
export const emailSimulator = {
  name: 'simulator' as const,
  async send(email: OutgoingEmail) {
    for (const file of email.attachments ?? []) {
      if (!file.filename || !file.contentType || !file.content.length) throw new Error(`Attachment “${file.filename || 'unnamed'}” is empty or unnamed.`);
    }
    return {};
  },
} satisfies EmailProvider;

const smsSimulator = {
  name: 'simulator' as const,
  async send() {
    return {};
  },
} satisfies SmsProvider;

let smtp: SmtpEmailProvider | undefined;

/** Sandboxes always use the simulator; live partners use SMTP when SMTP_URL is set. */
export function emailProviderFor(partnerKind: 'live' | 'sandbox'): EmailProvider {
  const url = getConfig().SMTP_URL;
  if (partnerKind === 'sandbox' || !url) return emailSimulator;
  return (smtp ??= new SmtpEmailProvider(url));
}

/** No SMS gateway is bundled (see SmsProvider), so SMS always go to the dev outbox for now. */
export function smsProviderFor(_partnerKind: 'live' | 'sandbox'): SmsProvider {
  return smsSimulator;
}

/** Which providers carry a live partner's messages, for pages that tell staff where their messages went. */
export function liveMessageProviders(): { email: EmailProvider['name']; sms: SmsProvider['name'] } {
  return { email: emailProviderFor('live').name, sms: smsProviderFor('live').name };
}
