/** A file sent with an e-mail, as the recipient sees it. */
export type EmailAttachment = { filename: string; contentType: string; content: Buffer };

export type OutgoingEmail = {
  to: string;
  from: string;
  subject: string;
  html: string;
  text: string;
  replyTo?: string;
  /** Sign with this DKIM key (a partner's verified sending domain). */
  dkim?: { domainName: string; keySelector: string; privateKey: string };
  attachments?: EmailAttachment[];
};

/** What sending an e-mail needs; the SMTP adapter and the simulator implement it. */
export interface EmailProvider {
  readonly name: 'smtp' | 'simulator';
  send(email: OutgoingEmail): Promise<{ providerMessageId?: string }>;
}
