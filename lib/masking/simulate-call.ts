import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { partners } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { listCallRecords } from '@/lib/calls/call-records';
import { ingestCallEvents } from '@/lib/calls/ingest-call-events';
import { AppError, forbidden } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { simulatedCallEvents } from '@/lib/providers/carrier/masking-simulator';
import { simulateMaskingCallSchema } from './schemas';
import { loadSession } from './sessions';
import { isOpen } from './session-view';

/**
 * The call simulator: "call the virtual number from party A". It produces the events a carrier would post for
 * the bridged call (magic values in masking-simulator.ts decide the outcome) and feeds them through the same
 * ingestion as the signed endpoint, so records, charges, events and callbacks are the real ones. Allowed in a
 * sandbox and for the operator; a live partner's calls come from its carrier.
 */
export async function simulateMaskingCall(ctx: PartnerCtx, sessionId: string, input: Untrusted<Record<string, unknown>> = {}) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(simulateMaskingCallSchema, input);
  const [partner] = await getDb().select({ kind: partners.kind }).from(partners).where(eq(partners.id, ctx.partnerId)).limit(1);
  if (partner?.kind !== 'sandbox' && ctx.actor.type !== 'operator' && ctx.actor.type !== 'system') throw forbidden('The call simulator runs in test mode (or from the operator console); live calls come from the carrier.');
  const session = await loadSession(ctx.partnerId, sessionId);
  if (!isOpen(session)) throw new AppError('session_closed', 'This session has ended: its virtual number no longer bridges these parties.');
  const first = { number: session.firstParty, leg: 'first_party' as const };
  const second = { number: session.secondParty, leg: 'second_party' as const };
  const [caller, callee] = data.from === 'first_party' ? [first, second] : [second, first];
  const callId = `sim-${randomUUID()}`;
  const events = simulatedCallEvents({ reference: session.id, virtualNumber: session.virtualNumber, caller, callee, callTimeLimit: session.callTimeLimit, ringTimeout: session.ringTimeout, record: session.record, durationSeconds: data.duration_seconds, callId, startedAt: new Date() });
  const results = await ingestCallEvents(events);
  return { callId, events: events.length, callRecordIds: [...new Set(results.map((r) => r.callRecordId).filter(Boolean))] as string[] };
}

/** The simulator's run with the legs it wrote, as the REST answer and the console show them. */
export async function simulateMaskingCallWithLegs(ctx: PartnerCtx, sessionId: string, input: Untrusted<Record<string, unknown>> = {}) {
  const call = await simulateMaskingCall(ctx, sessionId, input);
  const legs = await listCallRecords(ctx, { session_id: sessionId, limit: 100 });
  return { callId: call.callId, legs: legs.data.filter((leg) => call.callRecordIds.includes(leg.id)) };
}
