export type OutgoingEmail = {
  to: string;
  from: string;
  subject: string;
  html: string;
  text: string;
  replyTo?: string;
  /** Sign with this DKIM key (a partner's verified sending domain). */
  dkim?: { domainName: string; keySelector: string; privateKey: string };
};

/** What sending an e-mail needs; the SMTP adapter and the simulator implement it. */
export interface EmailProvider {
  readonly name: 'smtp' | 'simulator';
  send(email: OutgoingEmail): Promise<{ providerMessageId?: string }>;
}
