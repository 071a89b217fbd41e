import { and, asc, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { clients, partnerHostnames, partners } from '@/db/schema';
import type { Ctx } from '@/lib/audit/context';
import { requireOperator } from '@/lib/auth/permissions';

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
  if (options.search) {
    const pattern = `%${options.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(partners.name, pattern), ilike(partners.slug, pattern))!);
  }
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
        clientCount: sql<number>`(select count(*)::int from ${clients} where ${clients}.partner_id = ${partners}.id)`,
        domainCount: sql<number>`(select count(*)::int from ${partnerHostnames} where ${partnerHostnames}.partner_id = ${partners}.id)`,
      })
      .from(partners)
      .where(where)
      .orderBy(order, desc(partners.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(partners).where(where),
  ]);
  return { rows, total };
}
