import { getConfig } from '@/lib/config';
import type { EmailProvider } from '@/lib/providers/email/email-provider';
import { SmtpEmailProvider } from '@/lib/providers/email/smtp-email';
import type { SmsProvider } from '@/lib/providers/sms/sms-provider';

/** The simulator "sends" by keeping the message readable in the dev outbox; nothing leaves the platform. */
const simulator = {
  name: 'simulator' as const,
  async send() {
    return {};
  },
};

let smtp: SmtpEmailProvider | undefined;

/** Sandboxes always use the simulator; live partners use SMTP when SMTP_URL is set. */
export function emailProviderFor(partnerKind: 'live' | 'sandbox'): EmailProvider {
  const url = getConfig().SMTP_URL;
  if (partnerKind === 'sandbox' || !url) return simulator;
  return (smtp ??= new SmtpEmailProvider(url));
}

/** No SMS gateway is bundled (see SmsProvider), so SMS always go to the dev outbox for now. */
export function smsProviderFor(_partnerKind: 'live' | 'sandbox'): SmsProvider {
  return simulator;
}

/** Which providers carry a live partner's messages, for pages that tell staff where their messages went. */
export function liveMessageProviders(): { email: EmailProvider['name']; sms: SmsProvider['name'] } {
  return { email: emailProviderFor('live').name, sms: smsProviderFor('live').name };
}
