import type { Ctx } from '@/lib/audit/context';

/** Who did it, as the history tables record it. */
export const actorOf = (ctx: Ctx) => ({ actorType: ctx.actor.type, actorId: ctx.actor.id ?? null });
