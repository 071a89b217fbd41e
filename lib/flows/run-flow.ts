import { and, eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { callRecords, flowCalls, flows, type FlowCall, type FlowStep } from '@/db/schema';
import { applyAvailabilityEvent } from '@/lib/agents/availability';
import type { AvailabilityEvent } from '@/lib/agents/state-machine';
import { systemCtx } from '@/lib/audit/context';
import { AppError } from '@/lib/errors/app-error';
import { emitEvent } from '@/lib/events/emit-event';
import { maskNumber } from '@/lib/masking/mask-number';
import { flowExecutionUsageKey, recordUsage } from '@/lib/usage/record-usage';
import type { CallEvent } from '@/lib/providers/carrier/carrier-provider';
import { logger } from '@/lib/log/logger';
import { currentFlowOfNumber } from './map-flow';
import { flowStep, openStateOf, planEntry, planTransfer, type Plan, type Stage } from './plan';

type Owner = { partnerId: string; clientId: string; numberId: string };
type AgentMove = { agentId: string; event: AvailabilityEvent };

const failed = (event: CallEvent) => event.type === 'call.ended' && (event.outcome ? event.outcome !== 'completed' : !event.durationSeconds);
const failureStep = (event: CallEvent) => (event.outcome === 'busy' ? 'busy' : event.outcome === 'failed' ? 'failed' : 'no_answer');

/**
 * Runs a number's flow as its call events arrive (the carrier's, or the simulator's through the same
 * ingestion). The caller's inbound leg starting opens a flow call and plans its entry (schedule, welcome, bot
 * or agent); each stage then waits for one outbound leg (the first one seen in that stage): the bot's, the
 * agent's or the transfer's, whose answer or failure moves the call on; the inbound leg ending closes it.
 * Every step is appended to the call's path. The agent's availability moves with it (ringing, on the call,
 * wrap-up), applied after the flow's own transaction, through the agents' state machine.
 */
export async function advanceFlow(owner: Owner, event: CallEvent): Promise<void> {
  const at = new Date(event.occurredAt);
  const moves: AgentMove[] = [];
  await getDb().transaction(async (tx) => {
    if (event.leg === 'inbound' && event.direction === 'inbound' && event.type === 'call.started') {
      const flow = await currentFlowOfNumber(tx, owner.numberId);
      if (!flow) return;
      const plan = await planEntry(tx, flow, await openStateOf(tx, owner.partnerId, owner.numberId, at), at, maskNumber(event.from));
      const [row] = await tx
        .insert(flowCalls)
        .values({ partnerId: owner.partnerId, clientId: owner.clientId, numberId: owner.numberId, flowId: flow.id, carrierCallId: event.callId, number: event.number, fromNumber: event.from, stage: plan.stage, agentId: plan.agent?.id ?? null, outcome: plan.outcome, path: plan.steps, startedAt: at })
        .onConflictDoNothing({ target: [flowCalls.partnerId, flowCalls.carrierCallId] })
        .returning();
      if (!row) return;
      // One execution per flow call, metered with the row that opens it: a replayed start event opens nothing and counts nothing.
      await recordUsage(tx, { partnerId: owner.partnerId, clientId: owner.clientId, kind: 'flow_executions', quantity: 1, idempotencyKey: flowExecutionUsageKey(row.id), sourceId: row.id, occurredAt: at });
      if (plan.agent) moves.push({ agentId: plan.agent.id, event: { type: 'offer' } });
      return;
    }
    const [call] = await tx.select().from(flowCalls).where(and(eq(flowCalls.partnerId, owner.partnerId), eq(flowCalls.carrierCallId, event.callId))).for('update');
    if (!call || call.status === 'completed') return;
    const result = event.leg === 'inbound' ? callerLeg(call, event, at, moves) : await outboundLeg(tx, call, event, at, moves);
    if (!result) return;
    const [row] = await tx.update(flowCalls).set(result).where(eq(flowCalls.id, call.id)).returning();
    if (row!.status === 'completed') {
      const legs = await tx.select({ id: callRecords.id }).from(callRecords).where(and(eq(callRecords.partnerId, owner.partnerId), eq(callRecords.carrierCallId, event.callId)));
      await emitEvent(tx, owner.partnerId, 'flow.call_completed', { id: row!.id, flow_id: row!.flowId, client_id: row!.clientId, number: row!.number, from: maskNumber(row!.fromNumber), outcome: row!.outcome, path: row!.path, leg_ids: legs.map((leg) => leg.id), started_at: row!.startedAt.toISOString(), ended_at: row!.endedAt?.toISOString() ?? null });
    }
  });
  const ctx = { ...systemCtx, partnerId: owner.partnerId };
  for (const move of moves) {
    try {
      await applyAvailabilityEvent(ctx, move.agentId, move.event, at);
    } catch (error) {
      // The agent changed meanwhile (deactivated, already moved by a repeated event): the call's path stands.
      if (!(error instanceof AppError)) throw error;
      logger.warn('flow call could not move an agent', { agentId: move.agentId, event: move.event.type, error: error.message });
    }
  }
}

type Patch = Partial<Pick<FlowCall, 'stage' | 'path' | 'agentId' | 'activeLegId' | 'outcome' | 'status' | 'endedAt'>>;

const withPlan = (call: FlowCall, plan: Plan, moves: AgentMove[]): Patch => {
  if (plan.agent) moves.push({ agentId: plan.agent.id, event: { type: 'offer' } });
  return { path: plan.steps, stage: plan.stage, agentId: plan.agent?.id ?? null, outcome: plan.outcome ?? call.outcome, activeLegId: null };
};

/** The caller hung up (or the closed message ended): the call is over, whatever stage it was in. */
function callerLeg(call: FlowCall, event: CallEvent, at: Date, moves: AgentMove[]): Patch | null {
  if (event.type !== 'call.ended') return null;
  const path: FlowStep[] = [...call.path];
  if (call.stage === 'agent' || call.stage === 'transfer' || call.stage === 'bot') {
    path.push(flowStep(at, 'caller_hung_up', `during ${call.stage}`));
    // A leg still ringing or on the call ends with the caller.
    if (call.agentId && call.stage !== 'bot') moves.push({ agentId: call.agentId, event: { type: call.path.at(-1)?.step === `${call.stage}_answered` ? 'hang_up' : 'no_answer' } });
  }
  path.push(flowStep(at, 'ended'));
  return { path, status: 'completed', endedAt: at, stage: 'done', outcome: call.outcome ?? 'abandoned' };
}

async function outboundLeg(tx: Tx, call: FlowCall, event: CallEvent, at: Date, moves: AgentMove[]): Promise<Patch | null> {
  const stage = call.stage as Stage;
  if (stage === 'closed' || stage === 'done') return null;
  // Each stage follows one leg: the first seen in it. A late event of an earlier stage's leg moves nothing.
  if (call.activeLegId && call.activeLegId !== event.legId) return null;
  if (!call.activeLegId && event.type !== 'call.started' && event.type !== 'call.ended' && event.type !== 'call.answered') return null;
  const [flow] = call.flowId ? await tx.select().from(flows).where(eq(flows.id, call.flowId)).limit(1) : [];
  const path: FlowStep[] = [...call.path];
  if (event.type === 'call.started') return call.activeLegId ? null : { activeLegId: event.legId };
  if (event.type === 'call.answered') {
    path.push(flowStep(at, `${stage}_answered`));
    if (call.agentId && stage !== 'bot') moves.push({ agentId: call.agentId, event: { type: 'answer' } });
    return { path, activeLegId: event.legId };
  }
  // The leg ended.
  if (!failed(event)) {
    path.push(flowStep(at, stage === 'bot' ? 'bot_completed' : `${stage}_hung_up`, `${event.durationSeconds ?? 0} s`));
    if (call.agentId && stage !== 'bot') moves.push({ agentId: call.agentId, event: { type: 'hang_up' } });
    return { path, stage: 'done', outcome: stage === 'agent' ? 'agent' : stage === 'bot' ? 'bot' : 'transfer', activeLegId: event.legId };
  }
  path.push(flowStep(at, `${stage}_${failureStep(event)}`));
  if (call.agentId && stage !== 'bot') moves.push({ agentId: call.agentId, event: { type: 'no_answer' } });
  if (!flow) return { path, stage: 'done', outcome: 'unreachable', activeLegId: null };
  // The agent not answering, or the bot failing, both go to the transfer target; a failed transfer ends it.
  if (stage === 'agent' || stage === 'bot') return withPlan(call, await planTransfer(tx, flow, at, path), moves);
  return { path, stage: 'done', outcome: 'unreachable', activeLegId: null };
}
