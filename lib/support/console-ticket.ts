import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { supportTickets } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { isId } from '@/lib/ids';

/**
 * Which of the console's two contexts a ticket lives under: a client's ticket under the mode's data context (the
 * sandbox in test mode), a ticket with the platform under the live partner. Scoped by both partners, so a
 * foreign id still ends in a 404 from the domain function that is called next.
 */
export async function consoleTicketCtx(session: { ctx: PartnerCtx; dataCtx: PartnerCtx }, ticketId: string): Promise<PartnerCtx> {
  if (session.ctx.partnerId === session.dataCtx.partnerId || !isId('ticket', ticketId)) return session.dataCtx;
  const [live] = await getDb().select({ id: supportTickets.id }).from(supportTickets).where(and(eq(supportTickets.id, ticketId), eq(supportTickets.partnerId, session.ctx.partnerId), eq(supportTickets.level, 'partner')));
  return live ? session.ctx : session.dataCtx;
}
