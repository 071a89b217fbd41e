import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { messages, partnerBranding, partners } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { unseal } from '@/lib/crypto/secret-box';
import { logger } from '@/lib/log/logger';
import { senderFor } from '@/lib/sending-domains/sender-for';
import { messageUsageKey, recordUsage } from '@/lib/usage/record-usage';
import { loadAttachments } from './attachments';
import { emailProviderFor, smsProviderFor } from './providers';

const leaseMs = 60_000;
const retryDelaysMs = [10_000, 60_000, 5 * 60_000, 30 * 60_000];

/**
 * Sends due messages from the outbox. Claims a batch with FOR UPDATE SKIP LOCKED and a lease, like webhook
 * deliveries, so several workers never send one message twice and a crashed worker's claim simply lapses.
 */
export async function deliverDueMessages(now = new Date(), batchSize = 20): Promise<number> {
  const db = getDb();
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: messages.id })
      .from(messages)
      .where(or(and(eq(messages.status, 'queued'), lte(messages.nextAttemptAt, now)), and(eq(messages.status, 'queued'), lte(messages.leaseUntil, now))))
      .orderBy(messages.nextAttemptAt)
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(messages)
      .set({ leaseUntil: new Date(now.getTime() + leaseMs), nextAttemptAt: new Date(now.getTime() + leaseMs), attempts: sql`${messages.attempts} + 1` })
      .where(inArray(messages.id, due.map((d) => d.id)))
      .returning();
  });

  for (const message of claimed) {
    // A message without a partner is the platform's own (to operators): live, in the platform's name.
    const [partner] = message.partnerId
      ? await db
          .select({ kind: partners.kind, productName: partnerBranding.productName })
          .from(partners)
          .leftJoin(partnerBranding, eq(partnerBranding.partnerId, partners.id))
          .where(eq(partners.id, message.partnerId))
      : [{ kind: 'live' as const, productName: getConfig().PLATFORM_NAME }];
    const kind = partner?.kind ?? 'sandbox';
    try {
      const body = JSON.parse(unseal(message.sealedBody!)) as { html?: string; text: string };
      const provider = message.channel === 'email' ? emailProviderFor(kind) : smsProviderFor(kind);
      if (message.channel === 'email') {
        const sender = await senderFor(db, message.partnerId);
        const attachments = await loadAttachments(db, message.attachments);
        await emailProviderFor(kind).send({ to: message.recipient, ...sender, subject: message.subject ?? '', html: body.html ?? body.text, text: body.text, ...(attachments.length ? { attachments } : {}) });
      } else {
        await smsProviderFor(kind).send({ to: message.recipient, text: body.text, senderName: partner?.productName ?? '' });
      }
      // Simulated messages stay readable in the dev outbox; once really sent, the body (and any code in it) goes.
      const sentAt = new Date();
      await db.transaction(async (tx) => {
        await tx
          .update(messages)
          .set({ status: 'sent', sentAt, provider: provider.name, leaseUntil: null, error: null, ...(provider.name === 'simulator' ? {} : { sealedBody: null }) })
          .where(eq(messages.id, message.id));
        // Metered with the row turning sent, by channel and as the usage of the client it was for (none: the
        // partner's own); keyed by the message so a resend after a lapsed lease counts once.
        if (message.partnerId) await recordUsage(tx, { partnerId: message.partnerId, clientId: message.clientId, kind: 'messages', channel: message.channel, quantity: 1, idempotencyKey: messageUsageKey(message.id), sourceId: message.id, occurredAt: sentAt });
      });
    } catch (error) {
      const delay = retryDelaysMs[message.attempts - 1];
      logger.warn('message delivery failed', { messageId: message.id, channel: message.channel, error: (error as Error).message });
      await db
        .update(messages)
        .set(delay ? { error: (error as Error).message, leaseUntil: null, nextAttemptAt: new Date(now.getTime() + delay) } : { status: 'failed', error: (error as Error).message, leaseUntil: null, sealedBody: null })
        .where(eq(messages.id, message.id));
    }
  }
  return claimed.length;
}
