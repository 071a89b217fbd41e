import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { agents, schedules } from '@/db/schema';
import { systemCtx, type PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { logger } from '@/lib/log/logger';
import { isOpen } from '@/lib/schedules/evaluate';
import { getSchedule, getSchedules, setWeeklyHours, type ScheduleView } from '@/lib/schedules/manage-schedules';
import type { OpenState } from '@/lib/schedules/evaluate';
import { applyAvailabilityEvent } from './availability';
import { getAgent } from './manage-agents';

/**
 * Agents' working hours, kept by the one schedule engine (lib/schedules) as subject kind `agent`. The worker
 * acts only at boundaries: when hours end it moves an available (or on-break) agent offline, queued while on a
 * call; when they begin it brings back only an agent the hours themselves moved offline. A choice made in
 * between (going available after hours, or offline during them) is an override that stands until the next
 * boundary, so a queued or remembered state never revives an agent who logged off.
 */

export async function getAgentSchedule(ctx: PartnerCtx, agentId: string): Promise<ScheduleView | null> {
  const agent = await getAgent(ctx, agentId);
  return getSchedule(ctx, { kind: 'agent', id: agent.id });
}

/** The schedule with whether it is open now, for the faces. */
export async function agentScheduleStatus(ctx: PartnerCtx, agentId: string, now = new Date()): Promise<{ view: ScheduleView | null; status: OpenState }> {
  const view = await getAgentSchedule(ctx, agentId);
  return { view, status: isOpen(view, now) };
}

export async function setAgentSchedule(ctx: PartnerCtx, agentId: string, input: unknown): Promise<ScheduleView> {
  requirePartnerRole(ctx, 'admin');
  const agent = await getAgent(ctx, agentId);
  return setWeeklyHours(ctx, { kind: 'agent', id: agent.id }, input);
}

/** One agent at one moment: what the hours say, and the boundary's move if this is one. */
async function applyTo(ctx: PartnerCtx, agent: { id: string; availability: string; hoursState: string | null; offlineByHours: boolean }, schedule: ScheduleView, now: Date) {
  const state = isOpen(schedule, now).open ? 'open' : 'closed';
  if (state === agent.hoursState) return 'unchanged' as const;
  if (state === 'closed' && agent.availability !== 'offline') {
    await applyAvailabilityEvent(ctx, agent.id, { type: 'set', to: 'offline' }, now, { byHours: true });
  } else if (state === 'open' && agent.offlineByHours && agent.availability === 'offline') {
    await applyAvailabilityEvent(ctx, agent.id, { type: 'set', to: 'available' }, now);
  }
  await getDb().update(agents).set({ hoursState: state }).where(eq(agents.id, agent.id));
  return state;
}

/** For the worker: every active agent with working hours, checked against `now` (each partner's own). */
export async function applyAgentWorkingHours(now: Date = new Date()): Promise<number> {
  const rows = await getDb()
    .select({ id: agents.id, partnerId: agents.partnerId, availability: agents.availability, hoursState: agents.hoursState, offlineByHours: agents.offlineByHours })
    .from(agents)
    .innerJoin(schedules, and(eq(schedules.partnerId, agents.partnerId), eq(schedules.subjectKind, 'agent'), eq(schedules.subjectId, agents.id)))
    .where(eq(agents.status, 'active'));
  let moved = 0;
  const byPartner = new Map<string, typeof rows>();
  for (const row of rows) byPartner.set(row.partnerId, [...(byPartner.get(row.partnerId) ?? []), row]);
  for (const [partnerId, group] of byPartner) {
    const ctx: PartnerCtx = { ...systemCtx, partnerId };
    const found = await getSchedules(ctx, 'agent', group.map((row) => row.id));
    for (const agent of group) {
      const schedule = found.get(agent.id);
      if (!schedule) continue;
      try {
        if ((await applyTo(ctx, agent, schedule, now)) !== 'unchanged') moved++;
      } catch (error) {
        // One agent's refusal (deactivated meanwhile) must not stop the others.
        logger.warn('agent working hours not applied', { agentId: agent.id, error: String(error) });
      }
    }
  }
  return moved;
}

/** For tests and the console: the boundary check for some agents only. */
export async function applyWorkingHoursTo(ctx: PartnerCtx, agentIds: string[], now: Date = new Date()): Promise<void> {
  const rows = await getDb()
    .select({ id: agents.id, availability: agents.availability, hoursState: agents.hoursState, offlineByHours: agents.offlineByHours })
    .from(agents)
    .where(and(eq(agents.partnerId, ctx.partnerId), inArray(agents.id, agentIds), eq(agents.status, 'active')));
  const found = await getSchedules(ctx, 'agent', agentIds);
  for (const agent of rows) {
    const schedule = found.get(agent.id);
    if (schedule) await applyTo(ctx, agent, schedule, now);
  }
}
