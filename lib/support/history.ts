import type { Tx } from '@/db';
import { ticketHistory, type TicketHistoryEntry } from '@/db/schema';
import type { Ctx } from '@/lib/audit/context';
import type { Identity } from './access';

/** One line of a ticket's own history, in the transaction that makes the change. */
export async function addHistory(tx: Tx, ctx: Ctx, who: Identity, entry: { ticketId: string; partnerId: string; kind: TicketHistoryEntry['kind']; internal?: boolean; detail?: Record<string, unknown>; at: Date }) {
  await tx.insert(ticketHistory).values({
    ticketId: entry.ticketId,
    partnerId: entry.partnerId,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id ?? null,
    actorName: who.name,
    kind: entry.kind,
    internal: entry.internal ?? false,
    detail: entry.detail ?? {},
    createdAt: entry.at,
  });
}
