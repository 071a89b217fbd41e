import { and, eq, inArray, lte } from 'drizzle-orm';
import { getDb } from '@/db';
import { agents } from '@/db/schema';
import { systemCtx, type PartnerCtx } from '@/lib/audit/context';
import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors/app-error';
import { logger } from '@/lib/log/logger';
import { applyAvailabilityEvent } from './availability';

/**
 * Ends wrap-ups that have lasted the configured time (AGENT_WRAP_UP_SECONDS): each such agent gets the
 * `wrap_up_done` event at the moment the wrap-up was due to end, so the wallboard's "time in state" and the
 * audit show when the agent became free, not when the worker happened to look. The event goes through the
 * state machine under the agent's row lock, and only to the wrap-up it was timed for, so an agent who chose a
 * state meanwhile, took another call, or was moved by a second worker first is left as they are.
 */
export async function endDueWrapUps(now: Date = new Date(), options: { wrapUpSeconds?: number; partnerIds?: string[] } = {}): Promise<number> {
  const wrapUpMs = (options.wrapUpSeconds ?? getConfig().AGENT_WRAP_UP_SECONDS) * 1000;
  const due = await getDb()
    .select({ id: agents.id, partnerId: agents.partnerId, since: agents.availabilitySince })
    .from(agents)
    .where(and(eq(agents.availability, 'wrap_up'), lte(agents.availabilitySince, new Date(now.getTime() - wrapUpMs)), eq(agents.status, 'active'), options.partnerIds ? inArray(agents.partnerId, options.partnerIds) : undefined))
    .orderBy(agents.availabilitySince)
    .limit(500);
  let ended = 0;
  for (const agent of due) {
    const ctx: PartnerCtx = { ...systemCtx, partnerId: agent.partnerId };
    try {
      await applyAvailabilityEvent(ctx, agent.id, { type: 'wrap_up_done' }, new Date(agent.since.getTime() + wrapUpMs), { onlyIfSince: agent.since });
      ended++;
    } catch (error) {
      // Moved meanwhile (a choice, another worker, deactivated): nothing left to end.
      if (!(error instanceof AppError)) throw error;
      logger.info('wrap-up already ended', { agentId: agent.id, reason: error.message });
    }
  }
  return ended;
}
