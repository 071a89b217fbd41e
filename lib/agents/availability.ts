import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { agents } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { agentColumns, statsDayOf, toWallboardAgent, todayCounters, type AgentView } from './agent-view';
import { publishAgent } from './live-agents';
import { lockAgent } from './manage-agents';
import { setAvailabilitySchema } from './schemas';
import { transition, type AvailabilityEvent } from './state-machine';

export type AvailabilityResult = { agent: AgentView; queued: boolean };

/**
 * Applies one event to an agent under its row lock, so concurrent events (a call ending while the agent
 * presses "break") are taken one after the other. A change of state is audited, emitted as
 * `agent.status_changed` and published live, all in the same transaction.
 */
export async function applyAvailabilityEvent(ctx: PartnerCtx, agentId: string, event: AvailabilityEvent, now = new Date(), options: { byHours?: boolean; onlyIfSince?: Date } = {}): Promise<AvailabilityResult> {
  return getDb().transaction(async (tx) => {
    const before = await lockAgent(tx, ctx, agentId);
    if (before.status === 'inactive') throw new AppError('conflict', 'This agent is deactivated.');
    // A timed move (the wrap-up's end) applies only to the state it was timed for, not to a later one.
    if (options.onlyIfSince && before.availabilitySince.getTime() !== options.onlyIfSince.getTime()) throw new AppError('conflict', 'The agent changed state meanwhile.');
    const result = transition({ availability: before.availability, queued: before.queuedAvailability }, event);
    if (!result.ok) throw new AppError('conflict', result.reason, { availability: result.reason });
    const changes: Partial<typeof agents.$inferInsert> = { queuedAvailability: result.state.queued };
    // A person's choice overrides the hours until their next boundary; the hours' own change is marked as theirs.
    if (event.type === 'set') changes.offlineByHours = Boolean(options.byHours) && event.to === 'offline';
    if (result.changed) Object.assign(changes, { availability: result.state.availability, availabilitySince: now });
    if (event.type === 'hang_up') {
      // Talk time runs from the answer (when on_call began) to the hang-up; the day's counters start afresh.
      const talkSeconds = Math.max(0, Math.round((now.getTime() - before.availabilitySince.getTime()) / 1000));
      const today = statsDayOf(now);
      const counters = todayCounters(before, now);
      Object.assign(changes, { statsDay: today, callsToday: counters.callsToday + 1, talkSecondsToday: counters.talkSecondsToday + talkSeconds });
    }
    if (!result.changed && result.state.queued === before.queuedAvailability && event.type !== 'hang_up' && changes.offlineByHours === before.offlineByHours) {
      const [same] = await tx.select(agentColumns).from(agents).where(eq(agents.id, before.id));
      return { agent: same!, queued: result.queued };
    }
    const [after] = await tx.update(agents).set(changes).where(eq(agents.id, before.id)).returning(agentColumns);
    await recordAudit(tx, ctx, {
      partnerId: ctx.partnerId,
      action: result.queued ? 'agent.availability_queued' : 'agent.status_changed',
      targetType: 'agent',
      targetId: before.id,
      before: { availability: before.availability, queued_availability: before.queuedAvailability },
      after: { availability: after!.availability, queued_availability: after!.queuedAvailability, cause: event.type },
    });
    if (result.changed) {
      await emitEvent(tx, ctx.partnerId, 'agent.status_changed', {
        agent_id: after!.id,
        client_id: after!.clientId,
        extension: after!.extension,
        from: before.availability,
        to: after!.availability,
        cause: event.type === 'set' ? (options.byHours ? 'working_hours' : 'manual') : event.type,
        at: now.toISOString(),
      });
    }
    await publishAgent(tx, ctx.partnerId, toWallboardAgent(after!, now));
    return { agent: after!, queued: result.queued };
  });
}

/** A person's choice (console toggle, REST, the compatibility API's online/offline): queued while on a call. */
export async function setAgentAvailability(ctx: PartnerCtx, agentId: string, input: Untrusted<{ availability: string }>): Promise<AvailabilityResult> {
  requirePartnerRole(ctx, 'member');
  const data = parseInput(setAvailabilitySchema, input);
  return applyAvailabilityEvent(ctx, agentId, { type: 'set', to: data.availability });
}
