import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { clients, registrations } from '@/db/schema';
import { capFor, countUpTo, type CappedCount } from '@/lib/pagination/count-up-to';
import { containsLowered } from '@/lib/search/search-text';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import type { ClientKycFilter, ClientSort } from './client-table';

export type ClientSearch = {
  search?: string;
  status?: 'pending' | 'active' | 'inactive';
  kyc?: ClientKycFilter;
  sort?: ClientSort;
};

export type ClientListRow = {
  id: string;
  name: string;
  email: string;
  status: 'pending' | 'active' | 'inactive';
  /** True when the client came through onboarding: its completed registration holds the verified KYC. */
  kycCompleted: boolean;
  createdAt: Date;
};

// Qualified by hand: in a one-table select drizzle leaves columns unqualified, and inside the subquery an
// unqualified "id" would name the registration's id.
const onboarded = sql<boolean>`exists (select 1 from ${registrations} where ${registrations}.client_id = ${clients}.id and ${registrations}.status = 'completed')`;

const rowColumns = { id: clients.id, name: clients.name, email: clients.email, status: clients.status, kycCompleted: onboarded, createdAt: clients.createdAt };

function whereOf(ctx: PartnerCtx, filters: ClientSearch): SQL {
  const conditions: (SQL | undefined)[] = [eq(clients.partnerId, ctx.partnerId)];
  if (filters.status) conditions.push(eq(clients.status, filters.status));
  if (filters.kyc) conditions.push(filters.kyc === 'completed' ? onboarded : sql`not ${onboarded}`);
  // The lower-cased search text: a common word is found walking clients_partner_id_idx, a rare one in the
  // trigram index clients_search_idx.
  if (filters.search) conditions.push(containsLowered(clients.searchText, filters.search));
  return and(...conditions)!;
}

/**
 * Creation order is id order: ids are UUIDv7 made when the row is inserted. Sorting by id lets the indexes the
 * API's lists use — (partner, id), (partner, status, id) — serve the table too.
 */
function sortOf(sort: ClientSort | undefined) {
  const { id, desc: descending } = sort ?? { id: 'createdAt', desc: true };
  const direction = descending ? desc : asc;
  if (id !== 'name') return { column: clients.id, descending, orderBy: [direction(clients.id)] };
  // The id breaks ties in the same direction, so every row has one place and pages never overlap.
  return { column: clients.name, descending, orderBy: [direction(clients.name), direction(clients.id)] };
}

/**
 * One page of the caller's clients for the console table: filtered, sorted, with the total across pages (capped,
 * see countUpTo). The page's ids are found first, from an index alone, and only those rows are read: skipping
 * to page 1,000 then walks index entries, not 20,000 rows, and the KYC check runs for the rows shown only.
 */
export async function searchClients(ctx: PartnerCtx, options: ClientSearch & { page?: number; pageSize?: number }): Promise<{ rows: ClientListRow[] } & CappedCount> {
  requirePartnerRole(ctx, 'member');
  const db = getDb();
  const where = whereOf(ctx, options);
  const pageSize = Math.min(Math.max(options.pageSize ?? 20, 1), 200);
  const page = Math.max(1, options.page ?? 1);
  const { orderBy } = sortOf(options.sort);
  const pageIds = db.select({ id: clients.id }).from(clients).where(where).orderBy(...orderBy).limit(pageSize).offset((page - 1) * pageSize).as('page_ids');
  const [rows, counted] = await Promise.all([
    db.select(rowColumns).from(clients).innerJoin(pageIds, eq(clients.id, pageIds.id)).orderBy(...orderBy),
    countUpTo(db, clients, where, capFor(page, pageSize, options)),
  ]);
  return { rows, ...counted };
}

function keysetAfter(column: typeof clients.id | typeof clients.name, descending: boolean, after: string): SQL {
  if (column === clients.id) return descending ? sql`${clients.id} < ${after}` : sql`${clients.id} > ${after}`;
  const row = sql`(select ${column}, ${clients.id} from ${clients} where ${clients.id} = ${after})`;
  return descending ? sql`(${column}, ${clients.id}) < ${row}` : sql`(${column}, ${clients.id}) > ${row}`;
}

/**
 * Every client of a filter, in batches, for the CSV export. Batches continue after the last row seen (keyset),
 * not by offset, so clients added during a long export neither shift rows nor appear twice. The comparison is
 * against the stored row itself, so it is exact to the microsecond.
 */
export async function* clientsForExport(ctx: PartnerCtx, filters: ClientSearch, batchSize = 500): AsyncGenerator<ClientListRow[]> {
  requirePartnerRole(ctx, 'member');
  const { column, descending, orderBy } = sortOf(filters.sort);
  let after: string | undefined;
  for (;;) {
    const keyset = after ? keysetAfter(column, descending, after) : undefined;
    const rows = await getDb().select(rowColumns).from(clients).where(and(whereOf(ctx, filters), keyset)).orderBy(...orderBy).limit(batchSize);
    if (rows.length) yield rows;
    if (rows.length < batchSize) return;
    after = rows.at(-1)!.id;
  }
}
