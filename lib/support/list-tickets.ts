import { and, eq, inArray, isNotNull, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db';
import { clients, partners, supportTickets } from '@/db/schema';
import type { Ctx } from '@/lib/audit/context';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { cursorQuery, toPage } from '@/lib/pagination/cursor';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { assertPartnerReach, deskOf, deskScope, sideOf } from './access';
import { slaView } from './clock-math';
import { supportNow } from './policy';
import { listTicketsSchema } from './schemas';

/** The filters a list and the statistics share: level, status, priority, category, client, assignee, breached. */
export function ticketFilters(data: Partial<z.output<typeof listTicketsSchema>>): SQL[] {
  const where: SQL[] = [];
  if (data.level) where.push(eq(supportTickets.level, data.level));
  if (data.status) where.push(eq(supportTickets.status, data.status));
  if (data.priority) where.push(eq(supportTickets.priority, data.priority));
  if (data.category) where.push(eq(supportTickets.category, data.category));
  if (data.clientId) where.push(eq(supportTickets.clientId, data.clientId));
  if (data.assigneeId) where.push(eq(supportTickets.assigneeId, data.assigneeId));
  if (data.breached) where.push(or(isNotNull(supportTickets.firstResponseBreachedAt), isNotNull(supportTickets.resolutionBreachedAt))!);
  return where;
}

/** A page of the tickets the caller sees, newest first, with their SLA state; cursor-paginated by id. */
export async function listTickets(ctx: Ctx, input: Untrusted<z.input<typeof listTicketsSchema>>) {
  const desk = deskOf(ctx);
  const data = parseInput(listTicketsSchema, input);
  const db = getDb();
  await assertPartnerReach(db, ctx, desk);
  const query = cursorQuery(data);
  const { where, orderBy } = cursorClauses(supportTickets.id, query);
  const rows = await db
    .select()
    .from(supportTickets)
    .where(and(deskScope(desk), ...ticketFilters(data), where))
    .orderBy(orderBy)
    .limit(query.take);
  const page = toPage(rows, query);
  const clientIds = [...new Set(page.data.map((t) => t.clientId).filter((id): id is string => Boolean(id)))];
  const partnerIds = [...new Set(page.data.map((t) => t.partnerId))];
  const clientNames = new Map((clientIds.length ? await db.select({ id: clients.id, name: clients.name }).from(clients).where(inArray(clients.id, clientIds)) : []).map((c) => [c.id, c.name]));
  const partnerRows = new Map((await db.select({ id: partners.id, name: partners.name, kind: partners.kind }).from(partners).where(inArray(partners.id, partnerIds))).map((p) => [p.id, p]));
  const now = supportNow();
  return {
    has_more: page.has_more,
    data: page.data.map((ticket) => ({ ticket, side: sideOf(desk, ticket), clientName: ticket.clientId ? (clientNames.get(ticket.clientId) ?? null) : null, partner: partnerRows.get(ticket.partnerId)!, sla: slaView(ticket, now) })),
  };
}
