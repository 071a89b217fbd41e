import { and, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db } from '@/db';
import { clients } from '@/db/schema';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { cursorQuery, toPage, type ListParams } from '@/lib/pagination/cursor';
import { recordAudit } from '@/lib/audit/record-audit';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError, notFound } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { emitEvent } from '@/lib/events/emit-event';
import { containsLowered } from '@/lib/search/search-text';

export type ClientFilters = {
  status?: 'pending' | 'active' | 'inactive';
  search?: string;
  createdFrom?: Date;
  createdTo?: Date;
  order?: 'desc' | 'asc';
};

const clientColumns = { id: clients.id, name: clients.name, email: clients.email, status: clients.status, createdAt: clients.createdAt, updatedAt: clients.updatedAt };

/** One page of the caller's clients, newest first unless asked otherwise. */
export async function listClients(ctx: PartnerCtx, filters: ClientFilters & ListParams) {
  requirePartnerRole(ctx, 'member');
  const query = cursorQuery(filters);
  const { where: cursor, orderBy } = cursorClauses(clients.id, query, filters.order);
  const conditions: (SQL | undefined)[] = [eq(clients.partnerId, ctx.partnerId), cursor];
  if (filters.status) conditions.push(eq(clients.status, filters.status));
  if (filters.search) conditions.push(containsLowered(clients.searchText, filters.search));
  if (filters.createdFrom) conditions.push(gte(clients.createdAt, filters.createdFrom));
  if (filters.createdTo) conditions.push(lte(clients.createdAt, filters.createdTo));
  const db = getDb();
  if (!filters.search) return toPage(await db.select(clientColumns).from(clients).where(and(...conditions)).orderBy(orderBy).limit(query.take), query);
  // A search finds the page's ids first, from an index alone (the newest rows for a common word, the trigram
  // index for a rare one), and reads only those rows: filtering whole rows would read every one it passes.
  const pageIds = db.select({ id: clients.id }).from(clients).where(and(...conditions)).orderBy(orderBy).limit(query.take);
  return toPage(await db.select(clientColumns).from(clients).where(inArray(clients.id, pageIds)).orderBy(orderBy), query);
}

/**
 * One client by id, prepared once per database: `GET /api/v1/clients/{id}` is the API's hottest read, and a
 * prepared query skips building the SQL on every call.
 */
const clientById = new WeakMap<Db, ReturnType<typeof prepareClientById>>();

function prepareClientById(db: Db) {
  return db
    .select(clientColumns)
    .from(clients)
    .where(and(eq(clients.id, sql.placeholder('clientId')), eq(clients.partnerId, sql.placeholder('partnerId'))))
    .limit(1)
    .prepare('client_by_id');
}

export async function getClient(ctx: PartnerCtx, clientId: string) {
  requirePartnerRole(ctx, 'member');
  const db = getDb();
  let query = clientById.get(db);
  if (!query) clientById.set(db, (query = prepareClientById(db)));
  const [row] = await query.execute({ clientId, partnerId: ctx.partnerId });
  if (!row) throw notFound('Client');
  return row;
}

/** The id of the caller's client with exactly this e-mail (e-mails are kept lower-case), or null. */
export async function clientIdByEmail(ctx: PartnerCtx, email: string): Promise<string | null> {
  requirePartnerRole(ctx, 'member');
  const [row] = await getDb().select({ id: clients.id }).from(clients).where(and(eq(clients.partnerId, ctx.partnerId), eq(clients.email, email.trim().toLowerCase()))).limit(1);
  return row?.id ?? null;
}

export const setClientStatusSchema = z.object({
  clientId: z.string().min(1),
  status: z.enum(['active', 'inactive'], 'Choose active or inactive.'),
  reason: z.string().trim().min(3, 'Give a reason of at least 3 characters.').max(500, 'Use at most 500 characters.'),
});

/** Activates or deactivates a client, with the reason kept in the audit trail and sent in the event. */
export async function setClientStatus(ctx: PartnerCtx, input: Untrusted<z.input<typeof setClientStatusSchema>>) {
  requirePartnerRole(ctx, 'admin');
  const data = parseInput(setClientStatusSchema, input);
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select(clientColumns).from(clients).where(and(eq(clients.id, data.clientId), eq(clients.partnerId, ctx.partnerId))).for('update');
    if (!before) throw notFound('Client');
    if (before.status === 'pending') throw new AppError('conflict', 'This client has not finished onboarding; it becomes active when its KYC is accepted.');
    if (before.status === data.status) return before;
    const [after] = await tx.update(clients).set({ status: data.status }).where(eq(clients.id, before.id)).returning(clientColumns);
    await recordAudit(tx, ctx, { partnerId: ctx.partnerId, action: `client.${data.status === 'active' ? 'activated' : 'deactivated'}`, targetType: 'client', targetId: before.id, before: { status: before.status }, after: { status: data.status, reason: data.reason } });
    await emitEvent(tx, ctx.partnerId, data.status === 'active' ? 'client.activated' : 'client.deactivated', { client: { id: before.id, name: before.name, email: before.email, status: data.status }, reason: data.reason });
    return after!;
  });
}
