import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { agents, clients } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors/app-error';
import type { SseSend } from '@/lib/live/sse';
import { agentColumns, toWallboardAgent, type WallboardAgent } from './agent-view';
import { subscribeAgents } from './live-agents';

export type WallboardScope = { clientId?: string };
export type Wallboard = { clients: { id: string; name: string }[]; agents: WallboardAgent[]; at: string };

/** A wallboard shows at most this many agents; a partner with more filters by client. */
export const wallboardLimit = 1000;

/** Every active agent of the partner (or of one client) with its live state, and the clients they belong to. */
export async function getWallboard(ctx: PartnerCtx, scope: WallboardScope = {}): Promise<Wallboard> {
  requirePartnerRole(ctx, 'member');
  const db = getDb();
  if (scope.clientId) {
    const [client] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.id, scope.clientId), eq(clients.partnerId, ctx.partnerId)));
    if (!client) throw notFound('Client');
  }
  const now = new Date();
  const rows = await db
    .select(agentColumns)
    .from(agents)
    .where(and(eq(agents.partnerId, ctx.partnerId), eq(agents.status, 'active'), scope.clientId ? eq(agents.clientId, scope.clientId) : undefined))
    .orderBy(asc(agents.clientId), asc(agents.extension))
    .limit(wallboardLimit);
  const clientIds = [...new Set(rows.map((row) => row.clientId))];
  const names = clientIds.length ? await db.select({ id: clients.id, name: clients.name }).from(clients).where(and(eq(clients.partnerId, ctx.partnerId), inArray(clients.id, clientIds))) : [];
  return { clients: names, agents: rows.map((row) => toWallboardAgent(row, now)), at: now.toISOString() };
}

/**
 * The live stream behind the wallboard page and `GET /api/v1/agents/availability/stream`: a `snapshot` event,
 * then an `agent` event for each change (deactivated agents arrive once with `status: inactive`, then leave).
 * It listens before it reads, so nothing changed in between is lost.
 */
export async function wallboardStream(ctx: PartnerCtx, scope: WallboardScope = {}) {
  requirePartnerRole(ctx, 'member');
  // A foreign or unknown client is a 404 before the stream opens, not an error event inside it.
  if (scope.clientId) {
    const [client] = await getDb().select({ id: clients.id }).from(clients).where(and(eq(clients.id, scope.clientId), eq(clients.partnerId, ctx.partnerId)));
    if (!client) throw notFound('Client');
  }
  return async (send: SseSend) => {
    const pending: WallboardAgent[] = [];
    let ready = false;
    const stop = await subscribeAgents({ partnerId: ctx.partnerId, clientId: scope.clientId }, (agent) => {
      if (ready) send('agent', agent);
      else pending.push(agent);
    });
    try {
      const snapshot = await getWallboard(ctx, scope);
      send('snapshot', snapshot);
      ready = true;
      for (const agent of pending) send('agent', agent);
    } catch (error) {
      stop();
      throw error;
    }
    return stop;
  };
}
