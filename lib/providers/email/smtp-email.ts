import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailProvider, OutgoingEmail } from './email-provider';

/** The message as nodemailer takes it; nodemailer signs it (DKIM) while it streams it out. */
export function mailOptions(email: OutgoingEmail): nodemailer.SendMailOptions {
  return { to: email.to, from: email.from, subject: email.subject, html: email.html, text: email.text, ...(email.replyTo ? { replyTo: email.replyTo } : {}), ...(email.dkim ? { dkim: email.dkim } : {}), ...(email.attachments?.length ? { attachments: email.attachments.map((file) => ({ filename: file.filename, contentType: file.contentType, content: file.content })) } : {}) };
}

/** E-mail over SMTP (any provider that speaks it), configured by one SMTP_URL such as smtps://user:pass@host:465. */
export class SmtpEmailProvider implements EmailProvider {
  readonly name = 'smtp' as const;
  private readonly transport: Transporter;

  constructor(url: string) {
    this.transport = nodemailer.createTransport(url);
  }

  async send(email: OutgoingEmail) {
    const info = await this.transport.sendMail(mailOptions(email));
    return { providerMessageId: info.messageId };
  }
}
