import { and, eq, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { callRecords, maskingSessions, type CallRecord } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { emitEvent } from '@/lib/events/emit-event';
import { chargeClient } from '@/lib/ledger/charge-client';
import { queueSessionCallback } from '@/lib/masking/callbacks';
import type { Product } from '@/lib/prices/products';
import { callLegUsageKey, linkUsageCharge } from '@/lib/usage/record-usage';
import { callCompletedData } from './call-record-view';

/**
 * Charges an ended leg at the client's retail per-minute price (whole minutes, rounded up) through
 * `chargeClient`, keyed by the call record, so however often it runs (a replayed event, two deliveries at
 * once, the worker's retry) the ledger moves once. Whichever run marks the record charged first adds the cost
 * to the session and emits `call.completed`; a wallet that cannot pay marks the leg `failed` with the reason.
 */
export async function chargeCallLeg(record: CallRecord): Promise<void> {
  const ctx = { actor: { type: 'system' as const }, partnerId: record.partnerId };
  let outcome: { status: 'charged'; chargeId: string; amount: bigint } | { status: 'failed'; error: string };
  try {
    const charge = await chargeClient(ctx, { clientId: record.clientId, product: record.product as Product, quantity: record.billedMinutes ?? 1, objectId: record.id, idempotencyKey: `call-leg:${record.id}`, memo: `Call ${record.direction} ${record.number}, ${record.durationSeconds} s` });
    outcome = { status: 'charged', chargeId: charge.chargeId, amount: charge.retail };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    outcome = { status: 'failed', error: error.message };
  }
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(callRecords)
      .set(outcome.status === 'charged' ? { chargeStatus: 'charged', chargeId: outcome.chargeId, amount: outcome.amount, chargeError: null } : { chargeStatus: 'failed', amount: 0n, chargeError: outcome.error })
      .where(and(eq(callRecords.id, record.id), eq(callRecords.chargeStatus, 'pending')))
      .returning();
    if (!row) return;
    if (outcome.status === 'charged') await linkUsageCharge(tx, row.partnerId, callLegUsageKey(row.id), outcome.chargeId);
    let session = null;
    if (row.sessionId) {
      const [updated] = await tx
        .update(maskingSessions)
        .set({ totalAmount: sql`${maskingSessions.totalAmount} + ${row.amount ?? 0n}`, totalBilledSeconds: sql`${maskingSessions.totalBilledSeconds} + ${(row.billedMinutes ?? 0) * 60}` })
        .where(eq(maskingSessions.id, row.sessionId))
        .returning();
      session = updated ?? null;
    }
    const data = callCompletedData(row, session);
    await emitEvent(tx, row.partnerId, 'call.completed', data);
    if (session) await queueSessionCallback(tx, session, 'call.completed', data);
  });
}

/** The worker's retry for legs whose charge never finished (the process stopped between the two steps). */
export async function chargePendingLegs(now: Date = new Date(), limit = 50): Promise<number> {
  const due = await getDb()
    .select()
    .from(callRecords)
    .where(and(eq(callRecords.chargeStatus, 'pending'), lt(callRecords.updatedAt, new Date(now.getTime() - 60_000))))
    .limit(limit);
  for (const record of due) await chargeCallLeg(record);
  return due.length;
}
