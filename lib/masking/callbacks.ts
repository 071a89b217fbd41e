import { createHmac } from 'node:crypto';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { maskingCallbacks, type MaskingSession } from '@/db/schema';
import { derivedKey } from '@/lib/crypto/derived-key';
import { newId } from '@/lib/ids';
import { deliveryTimeoutMs, maxAttempts, nextAttemptAt, parseRetryAfter } from '@/lib/jobs/retry-schedule';
import { secretPrefix, webhookHeaders } from '@/lib/webhooks/sign';
import { sendWebhook } from '@/lib/webhooks/send-webhook';
import type { Resolver } from '@/lib/webhooks/ssrf-guard';
import { allowsPrivateTargets, partnerKind } from '@/lib/webhooks/target-policy';

/**
 * A session's callback secret (`whsec_…`, Standard Webhooks): derived from the session id with a key of its
 * own, so nothing secret is stored; given once, in the answer that creates the session.
 */
export function callbackSecret(sessionId: string): string {
  return `${secretPrefix}${createHmac('sha256', derivedKey('masking-callback')).update(sessionId).digest('base64')}`;
}

/** Queues one callback to the session's `callback_url` in the caller's transaction (the outbox). */
export async function queueSessionCallback(tx: Tx, session: MaskingSession, type: string, data: Record<string, unknown>) {
  if (!session.callbackUrl) return;
  const id = newId('maskingCallback');
  const body = JSON.stringify({ id, type, timestamp: new Date().toISOString(), data });
  await tx.insert(maskingCallbacks).values({ id, partnerId: session.partnerId, sessionId: session.id, url: session.callbackUrl, type, body });
}

/**
 * Sends the callbacks that are due, each signed with its session's secret and sent through the SSRF guard
 * (a private address is refused unless the partner's kind allows it), retried on the webhook schedule.
 * Rows are claimed with SKIP LOCKED, so several workers never send one twice at once.
 */
export async function deliverDueCallbacks(now: Date = new Date(), options: { limit?: number; resolve?: Resolver; timeoutMs?: number } = {}): Promise<number> {
  const claimed = await getDb().transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(maskingCallbacks)
      .where(and(eq(maskingCallbacks.status, 'pending'), lte(maskingCallbacks.nextAttemptAt, now)))
      .orderBy(asc(maskingCallbacks.nextAttemptAt))
      .limit(options.limit ?? 20)
      .for('update', { skipLocked: true });
    // A lease: another worker skips them until the attempt has had its time.
    for (const row of rows) await tx.update(maskingCallbacks).set({ nextAttemptAt: new Date(now.getTime() + 2 * deliveryTimeoutMs) }).where(eq(maskingCallbacks.id, row.id));
    return rows;
  });
  for (const row of claimed) {
    const kind = await partnerKind(row.partnerId).catch(() => 'live' as const);
    const headers = webhookHeaders([callbackSecret(row.sessionId)], row.id, now, row.body);
    const result = await sendWebhook(row.url, row.body, headers, { allowPrivate: allowsPrivateTargets(kind), timeoutMs: options.timeoutMs ?? deliveryTimeoutMs, resolve: options.resolve });
    const attempts = row.attemptCount + 1;
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    const next = ok ? null : nextAttemptAt(attempts, now, parseRetryAfter(result.retryAfter, now));
    await getDb()
      .update(maskingCallbacks)
      .set({ attemptCount: sql`${maskingCallbacks.attemptCount} + 1`, status: ok ? 'succeeded' : next && attempts < maxAttempts ? 'pending' : 'failed', nextAttemptAt: next, lastStatus: result.status, lastError: result.error })
      .where(eq(maskingCallbacks.id, row.id));
  }
  return claimed.length;
}
