import { and, desc, eq, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { messages } from '@/db/schema';
import type { Ctx, PartnerCtx } from '@/lib/audit/context';
import { requireOperator, requirePartnerRole } from '@/lib/auth/permissions';
import { unseal } from '@/lib/crypto/secret-box';

export type OutboxMessage = {
  id: string;
  /** Null for the platform's own messages to operators. */
  partnerId: string | null;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  template: string;
  status: 'queued' | 'sent' | 'failed';
  provider: string | null;
  createdAt: Date;
  sentAt: Date | null;
  text: string | null;
  html: string | null;
  /** The names of the files it carries (an invoice's PDF). */
  attachments: string[];
};

/** A body sealed under another encryption key (one since rotated) is shown as unavailable, not as an error. */
function readableBody(sealed: string): { html?: string; text: string } | null {
  try {
    return JSON.parse(unseal(sealed)) as { html?: string; text: string };
  } catch {
    return null;
  }
}

async function outbox(where: SQL | undefined, limit: number): Promise<OutboxMessage[]> {
  const rows = await getDb().select().from(messages).where(where).orderBy(desc(messages.id)).limit(limit);
  return rows.map(({ sealedBody, ...row }) => {
    // Only simulated messages are readable here: what a real provider sent is no longer stored.
    const body = sealedBody && row.provider !== 'smtp' ? readableBody(sealedBody) : null;
    return { id: row.id, partnerId: row.partnerId, channel: row.channel, recipient: row.recipient, subject: row.subject, template: row.template, status: row.status, provider: row.provider, createdAt: row.createdAt, sentAt: row.sentAt, text: body?.text ?? null, html: body?.html ?? null, attachments: row.attachments.map((file) => file.filename) };
  });
}

/** The dev outbox across all partners, for operators; optionally only the messages to one recipient. */
export async function listOutboxForOperator(ctx: Ctx, limit = 100, options: { recipient?: string } = {}) {
  requireOperator(ctx);
  return outbox(options.recipient ? eq(messages.recipient, options.recipient) : undefined, limit);
}

/** A partner's sandbox outbox (the console shows it in test mode); ctx.partnerId is the sandbox. */
export async function listPartnerOutbox(ctx: PartnerCtx, options: { recipient?: string; limit?: number } = {}) {
  requirePartnerRole(ctx, 'member');
  return outbox(and(eq(messages.partnerId, ctx.partnerId), options.recipient ? eq(messages.recipient, options.recipient) : undefined), options.limit ?? 100);
}
