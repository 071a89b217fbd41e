import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { clients, partnerHostnames, partners } from '@/db/schema';
import type { Ctx } from '@/lib/audit/context';
import { requireOperator } from '@/lib/auth/permissions';
import { containsText, searchText } from '@/lib/search/search-text';
import { countCap } from '@/lib/pagination/count-up-to';

export type PartnerListOptions = {
  search?: string;
  status?: 'active' | 'suspended';
  tier?: 'standard' | 'premium' | 'enterprise';
  sort?: { id: 'name' | 'slug' | 'tier' | 'createdAt'; desc: boolean };
  page?: number;
  pageSize?: number;
};

/** Live partners for the operator console, with client and custom-domain counts, one page at a time. */
export async function listPartners(ctx: Ctx, options: PartnerListOptions = {}) {
  requireOperator(ctx);
  const db = getDb();
  const filters = [eq(partners.kind, 'live')];
  if (options.status) filters.push(eq(partners.status, options.status));
  if (options.tier) filters.push(eq(partners.tier, options.tier));
  // The expression of the trigram index partners_search_idx.
  if (options.search) filters.push(containsText(searchText(partners.name, partners.slug), options.search));
  const where = and(...filters);
  const sortColumn = { name: partners.name, slug: partners.slug, tier: partners.tier, createdAt: partners.createdAt }[options.sort?.id ?? 'createdAt'];
  const order = options.sort?.desc ?? true ? desc(sortColumn) : asc(sortColumn);
  const pageSize = options.pageSize ?? 20;
  const page = Math.max(1, options.page ?? 1);

  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({
        id: partners.id,
        slug: partners.slug,
        name: partners.name,
        tier: partners.tier,
        status: partners.status,
        createdAt: partners.createdAt,
        // Qualified by hand: drizzle leaves columns of a one-table select unqualified, and inside the subquery an
        // unqualified "id" would name the subquery's own table (counting nothing).
        // Counted no further than the cap: a partner with 200,000 clients would otherwise cost a long count per view.
        clientCount: sql<number>`(select count(*)::int from (select 1 from ${clients} where ${clients}.partner_id = ${partners}.id limit ${countCap + 1}) capped)`,
        domainCount: sql<number>`(select count(*)::int from ${partnerHostnames} where ${partnerHostnames}.partner_id = ${partners}.id)`,
      })
      .from(partners)
      .where(where)
      .orderBy(order, desc(partners.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(partners).where(where),
  ]);
  return { rows: rows.map(({ clientCount, ...row }) => ({ ...row, clientCount: Math.min(clientCount, countCap), clientCountAtLeast: clientCount > countCap })), total };
}
