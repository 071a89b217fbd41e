import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '@/db';
import { maskingAllocations, maskingSessions, type MaskingSession } from '@/db/schema';
import { emitEvent } from '@/lib/events/emit-event';
import { queueSessionCallback } from './callbacks';
import { sessionEventData } from './session-view';

/**
 * Closes an open session in the caller's transaction: `expired` or `ended`, its pool pairs released (so the
 * parties can get the number again in new sessions), `masking_session.ended` emitted and the callback queued.
 * The carrier is told afterwards by the caller, outside the transaction.
 */
export async function closeSession(tx: Tx, session: MaskingSession, status: 'expired' | 'ended', reason: string, now: Date = new Date()): Promise<MaskingSession> {
  const [closed] = await tx
    .update(maskingSessions)
    .set({ status, endedAt: now, endReason: reason })
    .where(eq(maskingSessions.id, session.id))
    .returning();
  await tx.update(maskingAllocations).set({ releasedAt: now }).where(and(eq(maskingAllocations.sessionId, session.id), isNull(maskingAllocations.releasedAt)));
  const data = sessionEventData(closed!);
  await emitEvent(tx, closed!.partnerId, 'masking_session.ended', data);
  await queueSessionCallback(tx, closed!, 'masking_session.ended', data);
  return closed!;
}
