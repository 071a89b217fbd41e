import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { usageEvents, type UsageKind } from '@/db/schema';

export type UsageInput = {
  partnerId: string;
  clientId: string | null;
  kind: UsageKind;
  channel?: string;
  quantity: bigint | number;
  /** Unique per partner: the same key again (a replayed event, a retried request) records nothing. */
  idempotencyKey: string;
  sourceId?: string | null;
  chargeId?: string | null;
  occurredAt: Date;
};

/**
 * Meters one thing that happened, in the caller's transaction so the usage exists exactly when the thing does.
 * Returns whether it was new (false for a replay of the same key).
 */
export async function recordUsage(tx: Tx, input: UsageInput): Promise<boolean> {
  const [row] = await tx
    .insert(usageEvents)
    .values({ partnerId: input.partnerId, clientId: input.clientId, kind: input.kind, channel: input.channel ?? '', quantity: BigInt(input.quantity), idempotencyKey: input.idempotencyKey, sourceId: input.sourceId ?? null, chargeId: input.chargeId ?? null, occurredAt: input.occurredAt })
    .onConflictDoNothing({ target: [usageEvents.partnerId, usageEvents.idempotencyKey] })
    .returning({ id: usageEvents.id });
  return Boolean(row);
}

/** Names the ledger charge that paid for a usage, once the charge exists (a call leg is charged after it ends). */
export async function linkUsageCharge(tx: Tx, partnerId: string, idempotencyKey: string, chargeId: string): Promise<void> {
  await tx.update(usageEvents).set({ chargeId }).where(and(eq(usageEvents.partnerId, partnerId), eq(usageEvents.idempotencyKey, idempotencyKey)));
}

/** The idempotency key of a call leg's minutes: the leg's call record, which is charged under `call-leg:<id>`. */
export const callLegUsageKey = (callRecordId: string) => `call-leg:${callRecordId}`;

/** The idempotency key of a flow execution: the flow call it opened. */
export const flowExecutionUsageKey = (flowCallId: string) => `flow-call:${flowCallId}`;

/** The idempotency key of a message the outbox sent (e-mail, SMS): the outbox row. */
export const messageUsageKey = (messageId: string) => `message:${messageId}`;
