export type OutgoingEmail = { to: string; from: string; subject: string; html: string; text: string };

/** What sending an e-mail needs; the SMTP adapter and the simulator implement it. */
export interface EmailProvider {
  readonly name: 'smtp' | 'simulator';
  send(email: OutgoingEmail): Promise<{ providerMessageId?: string }>;
}
