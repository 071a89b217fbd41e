import type { Queryable } from '@/db';
import { notifyLive, subscribeLive } from '@/lib/live/channel';
import type { WallboardAgent } from './agent-view';

/** One channel for every partner's agents; each stream keeps to its own partner (and client) on arrival. */
export const agentPresenceChannel = 'agent_presence';

type Notice = { partner_id: string; agent: WallboardAgent };

/** Tells every wallboard and availability stream, on every instance, about this agent once `q` commits. */
export function publishAgent(q: Queryable, partnerId: string, agent: WallboardAgent): Promise<void> {
  return notifyLive(q, agentPresenceChannel, { partner_id: partnerId, agent } satisfies Notice);
}

/** Calls `onAgent` for each change to the partner's agents (of one client when given). */
export function subscribeAgents(scope: { partnerId: string; clientId?: string }, onAgent: (agent: WallboardAgent) => void): Promise<() => void> {
  return subscribeLive(agentPresenceChannel, (payload) => {
    const notice = payload as Notice;
    if (notice?.partner_id !== scope.partnerId) return;
    if (scope.clientId && notice.agent.client_id !== scope.clientId) return;
    onAgent(notice.agent);
  });
}
