import { and, eq } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { agents, recordings, voiceBots, type Agent, type Flow, type FlowStep } from '@/db/schema';
import { systemCtx } from '@/lib/audit/context';
import { availabilityLabels } from '@/lib/agents/state-machine';
import { isOpen, type OpenState } from '@/lib/schedules/evaluate';
import { getSchedule } from '@/lib/schedules/manage-schedules';
import { isExtension } from './manage-flows';

/** Where a call is in its flow; each stage waits for one leg (or, `closed`/`done`, for the caller to hang up). */
export type Stage = 'closed' | 'bot' | 'agent' | 'transfer' | 'done';

export type Plan = { steps: FlowStep[]; stage: Stage; agent: Pick<Agent, 'id' | 'phone' | 'extension' | 'availability'> | null; outcome: string | null };

type Ring = Pick<Agent, 'id' | 'phone' | 'extension' | 'availability' | 'name'>;

async function agentAt(q: Queryable, clientId: string, extension: string): Promise<Ring | null> {
  const [row] = await q.select({ id: agents.id, phone: agents.phone, extension: agents.extension, availability: agents.availability, name: agents.name }).from(agents).where(and(eq(agents.clientId, clientId), eq(agents.extension, extension), eq(agents.status, 'active'))).limit(1);
  return row ?? null;
}

const step = (at: Date, name: string, detail?: string): FlowStep => (detail ? { step: name, at: at.toISOString(), detail } : { step: name, at: at.toISOString() });

/**
 * The transfer target when the agent cannot take the call or the bot fails: an outside number is dialled; an
 * extension rings that agent if they are available. With no target (or an unavailable one) nobody can take it.
 */
export async function planTransfer(q: Queryable, flow: Flow, at: Date, steps: FlowStep[]): Promise<Plan> {
  if (!flow.transferTo) return { steps: [...steps, step(at, 'unreachable', 'The flow has no transfer target.')], stage: 'done', agent: null, outcome: 'unreachable' };
  if (!isExtension(flow.transferTo)) return { steps: [...steps, step(at, 'transfer', flow.transferTo)], stage: 'transfer', agent: null, outcome: null };
  const target = await agentAt(q, flow.clientId, flow.transferTo);
  if (target?.availability !== 'available') return { steps: [...steps, step(at, 'unreachable', `Extension ${flow.transferTo} is ${target ? availabilityLabels[target.availability] : 'not an active agent'}.`)], stage: 'done', agent: null, outcome: 'unreachable' };
  return { steps: [...steps, step(at, 'transfer', `extension ${flow.transferTo}`)], stage: 'transfer', agent: target, outcome: null };
}

/** Rings the flow's agent if available; otherwise straight to the transfer target. */
export async function planAgent(q: Queryable, flow: Flow, at: Date, steps: FlowStep[]): Promise<Plan> {
  const agent = await agentAt(q, flow.clientId, flow.agentExtension);
  if (agent?.availability === 'available') return { steps: [...steps, step(at, 'ring_agent', `${agent.name}, extension ${agent.extension}`)], stage: 'agent', agent, outcome: null };
  const why = agent ? `${agent.name} is ${availabilityLabels[agent.availability]}` : `No active agent has extension ${flow.agentExtension}`;
  return planTransfer(q, flow, at, [...steps, step(at, 'agent_unavailable', why)]);
}

/** Whether the number is open at `at` by its schedule (lib/schedules); a number without one is always open. */
export async function openStateOf(q: Queryable, partnerId: string, numberId: string, at: Date): Promise<OpenState> {
  const schedule = await getSchedule({ ...systemCtx, partnerId }, { kind: 'number', id: numberId }, q);
  return isOpen(schedule, at);
}

/** What a call arriving at `at` does first: closed (hours or holiday) → message; open → welcome → bot or agent. */
export async function planEntry(q: Queryable, flow: Flow, state: OpenState, at: Date, from: string | null): Promise<Plan> {
  const steps: FlowStep[] = [step(at, 'received', from ?? undefined)];
  if (!state.open) {
    const holiday = state.reason === 'holiday' && state.holiday;
    steps.push(step(at, holiday ? 'holiday' : 'closed', holiday ? state.holiday!.name : state.next_change_at ? `Opens ${state.next_change_at.toISOString()}` : undefined), step(at, 'closed_message'));
    return { steps, stage: 'closed', agent: null, outcome: holiday ? 'holiday' : 'closed' };
  }
  steps.push(step(at, 'open'));
  if (flow.welcomeRecordingId) {
    const [recording] = await q.select({ name: recordings.name }).from(recordings).where(eq(recordings.id, flow.welcomeRecordingId)).limit(1);
    if (recording) steps.push(step(at, 'welcome', recording.name));
  }
  if (flow.botId) {
    const [bot] = await q.select({ name: voiceBots.name }).from(voiceBots).where(eq(voiceBots.id, flow.botId)).limit(1);
    if (bot) return { steps: [...steps, step(at, 'bot', bot.name)], stage: 'bot', agent: null, outcome: null };
  }
  return planAgent(q, flow, at, steps);
}

export { step as flowStep };
