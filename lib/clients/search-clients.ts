import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { clients, registrations } from '@/db/schema';
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
  if (filters.search) {
    const pattern = `%${filters.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(clients.name, pattern), ilike(clients.email, pattern)));
  }
  return and(...conditions)!;
}

function sortOf(sort: ClientSort | undefined) {
  const { id, desc: descending } = sort ?? { id: 'createdAt', desc: true };
  const column = id === 'name' ? clients.name : clients.createdAt;
  // The id breaks ties in the same direction, so every row has one place and pages never overlap.
  return { column, descending, orderBy: descending ? [desc(column), desc(clients.id)] : [asc(column), asc(clients.id)] };
}

/** One page of the caller's clients for the console table: filtered, sorted, with the total across pages. */
export async function searchClients(ctx: PartnerCtx, options: ClientSearch & { page?: number; pageSize?: number }): Promise<{ rows: ClientListRow[]; total: number }> {
  requirePartnerRole(ctx, 'member');
  const db = getDb();
  const where = whereOf(ctx, options);
  const pageSize = Math.min(Math.max(options.pageSize ?? 20, 1), 200);
  const page = Math.max(1, options.page ?? 1);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db.select(rowColumns).from(clients).where(where).orderBy(...sortOf(options.sort).orderBy).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ total: count() }).from(clients).where(where),
  ]);
  return { rows, total };
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
    const keyset = after
      ? descending
        ? sql`(${column}, ${clients.id}) < (select ${column}, ${clients.id} from ${clients} where ${clients.id} = ${after})`
        : sql`(${column}, ${clients.id}) > (select ${column}, ${clients.id} from ${clients} where ${clients.id} = ${after})`
      : undefined;
    const rows = await getDb().select(rowColumns).from(clients).where(and(whereOf(ctx, filters), keyset)).orderBy(...orderBy).limit(batchSize);
    if (rows.length) yield rows;
    if (rows.length < batchSize) return;
    after = rows.at(-1)!.id;
  }
}
