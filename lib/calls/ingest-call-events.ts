import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { callEvents, callRecords, maskingSessions, numbers, type CallRecord, type MaskingSession } from '@/db/schema';
import { emitEvent } from '@/lib/events/emit-event';
import { isId } from '@/lib/ids';
import { queueSessionCallback } from '@/lib/masking/callbacks';
import { closeSession } from '@/lib/masking/close-session';
import type { CallEvent } from '@/lib/providers/carrier/carrier-provider';
import { advanceFlow } from '@/lib/flows/run-flow';
import { callLegUsageKey, recordUsage } from '@/lib/usage/record-usage';
import { chargeCallLeg } from './charge-call-leg';
import { callCompletedData } from './call-record-view';

export type IngestResult = { eventId: string; outcome: 'recorded' | 'duplicate' | 'ignored'; callRecordId?: string; reason?: string };

type Owner = { partnerId: string; clientId: string; numberId: string | null; sessionId: string | null };

/** Whose call it is: the masking session the event names, else the client the number is assigned to. */
async function ownerOf(event: CallEvent): Promise<Owner | null> {
  if (event.sessionReference && isId('maskingSession', event.sessionReference)) {
    const [session] = await getDb().select({ partnerId: maskingSessions.partnerId, clientId: maskingSessions.clientId, numberId: maskingSessions.numberId, id: maskingSessions.id }).from(maskingSessions).where(eq(maskingSessions.id, event.sessionReference)).limit(1);
    if (session) return { partnerId: session.partnerId, clientId: session.clientId, numberId: session.numberId, sessionId: session.id };
  }
  // A number assigned in both inventories is the live one: a real carrier only reaches live numbers.
  const rows = await getDb().select({ id: numbers.id, partnerId: numbers.partnerId, clientId: numbers.clientId, environment: numbers.environment }).from(numbers).where(and(eq(numbers.e164, event.number), eq(numbers.status, 'assigned')));
  const number = rows.find((row) => row.environment === 'live') ?? rows[0];
  if (!number?.partnerId || !number.clientId) return null;
  return { partnerId: number.partnerId, clientId: number.clientId, numberId: number.id, sessionId: null };
}

const billedMinutes = (seconds: number) => Math.ceil(seconds / 60);

function productOf(owner: Owner, event: CallEvent) {
  if (owner.sessionId) return 'masking_minute' as const;
  return event.direction === 'inbound' ? ('call_minute_inbound' as const) : ('call_minute_outbound' as const);
}

/** When the last leg of a session's call has ended: back to active, or expired if its time ran out meanwhile. */
async function settleSession(tx: Tx, sessionId: string, now: Date): Promise<MaskingSession | null> {
  const [session] = await tx.select().from(maskingSessions).where(eq(maskingSessions.id, sessionId)).for('update');
  if (!session || session.status !== 'in_progress') return session ?? null;
  const [open] = await tx.select({ id: callRecords.id }).from(callRecords).where(and(eq(callRecords.sessionId, sessionId), ne(callRecords.status, 'ended'))).limit(1);
  if (open) return session;
  if (session.expiresAt <= now) return closeSession(tx, session, 'expired', 'expired', now);
  const [row] = await tx.update(maskingSessions).set({ status: 'active' }).where(eq(maskingSessions.id, sessionId)).returning();
  return row!;
}

/**
 * Records one call event, the same for the signed endpoint and the call simulator. The event id is recorded
 * once (a repeat is acknowledged as `duplicate` and changes nothing); the leg's call record moves forward
 * (ringing → answered → ended, never back, whatever order events arrive in); an answered leg puts its session
 * in progress; an ended leg is charged once through the ledger (`chargeCallLeg`, keyed by the record), and a
 * repeat of an ended leg whose charge never finished finishes it.
 */
export async function ingestCallEvent(event: CallEvent): Promise<IngestResult> {
  const owner = await ownerOf(event);
  if (!owner) return { eventId: event.eventId, outcome: 'ignored', reason: 'No session or assigned number matches this event.' };
  const occurredAt = new Date(event.occurredAt);
  const step = await getDb().transaction(async (tx) => {
    const [fresh] = await tx.insert(callEvents).values({ eventId: event.eventId, type: event.type, carrierLegId: event.legId, partnerId: owner.partnerId }).onConflictDoNothing({ target: callEvents.eventId }).returning({ id: callEvents.id });
    if (!fresh) {
      const [record] = await tx.select().from(callRecords).where(and(eq(callRecords.partnerId, owner.partnerId), eq(callRecords.carrierLegId, event.legId))).limit(1);
      return { duplicate: true, record: record ?? null };
    }
    const ended = event.type === 'call.ended';
    const duration = ended ? (event.durationSeconds ?? 0) : null;
    const minutes = duration === null ? null : billedMinutes(duration);
    const base = {
      partnerId: owner.partnerId,
      clientId: owner.clientId,
      numberId: owner.numberId,
      sessionId: owner.sessionId,
      carrierCallId: event.callId,
      carrierLegId: event.legId,
      leg: event.leg,
      direction: event.direction,
      number: event.number,
      fromNumber: event.from,
      toNumber: event.to,
    };
    const endFields = ended ? { status: 'ended' as const, outcome: event.outcome ?? (duration ? 'completed' : 'no_answer'), endedAt: occurredAt, durationSeconds: duration, billedMinutes: minutes, product: productOf(owner, event), chargeStatus: minutes ? ('pending' as const) : ('none' as const), recordingUrl: event.recordingUrl ?? null } : {};
    const [existing] = await tx.select().from(callRecords).where(and(eq(callRecords.partnerId, owner.partnerId), eq(callRecords.carrierLegId, event.legId))).for('update');
    let record: CallRecord;
    if (!existing) {
      const [row] = await tx
        .insert(callRecords)
        .values({ ...base, status: ended ? 'ended' : event.type === 'call.answered' ? 'answered' : 'ringing', startedAt: event.type === 'call.started' ? occurredAt : null, answeredAt: event.type === 'call.answered' ? occurredAt : null, ...endFields, amount: ended && !minutes ? 0n : null })
        .returning();
      record = row!;
    } else if (existing.status === 'ended') {
      // An ended leg is final: a late start or answer changes nothing.
      record = existing;
    } else {
      const patch = event.type === 'call.started' ? { startedAt: existing.startedAt ?? occurredAt } : event.type === 'call.answered' ? { status: 'answered' as const, answeredAt: occurredAt } : { ...endFields, amount: minutes ? null : 0n };
      const [row] = await tx.update(callRecords).set(patch).where(eq(callRecords.id, existing.id)).returning();
      record = row!;
    }
    let session: MaskingSession | null = null;
    if (owner.sessionId) {
      if (event.type === 'call.answered') {
        const [row] = await tx.update(maskingSessions).set({ status: 'in_progress', lastInteractionAt: occurredAt }).where(and(eq(maskingSessions.id, owner.sessionId), inArray(maskingSessions.status, ['active', 'in_progress']))).returning();
        session = row ?? null;
      }
      if (ended && record.status === 'ended' && existing?.status !== 'ended') {
        // A call counts once, on its caller's leg.
        if (event.direction === 'inbound') await tx.update(maskingSessions).set({ totalCallCount: sql`${maskingSessions.totalCallCount} + 1`, lastInteractionAt: occurredAt }).where(eq(maskingSessions.id, owner.sessionId));
        session = await settleSession(tx, owner.sessionId, occurredAt < new Date() ? new Date() : occurredAt);
      }
    }
    // The leg's minutes are metered as it ends, once (the usage key is the record, like its charge's).
    if (ended && record.status === 'ended' && existing?.status !== 'ended' && record.billedMinutes) {
      await recordUsage(tx, { partnerId: owner.partnerId, clientId: owner.clientId, kind: owner.sessionId ? 'masking_minutes' : 'call_minutes', quantity: record.billedMinutes, idempotencyKey: callLegUsageKey(record.id), sourceId: record.id, occurredAt: record.endedAt ?? occurredAt });
    }
    // A leg with nothing to bill is complete now; a billable one once it is charged.
    if (ended && record.chargeStatus === 'none' && existing?.status !== 'ended') {
      const data = callCompletedData(record, session);
      await emitEvent(tx, owner.partnerId, 'call.completed', data);
      if (session) await queueSessionCallback(tx, session, 'call.completed', data);
    }
    return { duplicate: false, record };
  });
  if (step.record?.chargeStatus === 'pending') await chargeCallLeg(step.record);
  // A number's own call (no masking session) runs the flow mapped to it, if any.
  if (!step.duplicate && !owner.sessionId && owner.numberId) await advanceFlow({ partnerId: owner.partnerId, clientId: owner.clientId, numberId: owner.numberId }, event);
  return { eventId: event.eventId, outcome: step.duplicate ? 'duplicate' : 'recorded', callRecordId: step.record?.id };
}

/** Records events in order (one leg's events must be applied in the order they were sent). */
export async function ingestCallEvents(events: CallEvent[]): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for (const event of events) results.push(await ingestCallEvent(event));
  return results;
}
