import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { templateInstalls } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors/app-error';
import { isId } from '@/lib/ids';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { cursorQuery, toPage, type ListParams, type Page } from '@/lib/pagination/cursor';
import { installView, type InstallView } from './install';

/** Install records (installs, upgrades, failed attempts), newest first, of one client or one template. */
export async function listInstalls(ctx: PartnerCtx, filters: { clientId?: string; templateId?: string } & Partial<ListParams> = {}): Promise<Page<InstallView>> {
  requirePartnerRole(ctx, 'member');
  const query = cursorQuery({ ...filters, limit: filters.limit ?? 50 });
  const { where, orderBy } = cursorClauses(templateInstalls.id, query);
  const rows = await getDb()
    .select()
    .from(templateInstalls)
    .where(
      and(
        eq(templateInstalls.partnerId, ctx.partnerId),
        filters.clientId ? eq(templateInstalls.clientId, filters.clientId) : undefined,
        filters.templateId ? eq(templateInstalls.templateId, filters.templateId) : undefined,
        where,
      ),
    )
    .orderBy(orderBy)
    .limit(query.take);
  const page = toPage(rows, query);
  return { ...page, data: page.data.map((row) => installView(row)) };
}

export async function getInstall(ctx: PartnerCtx, installId: string): Promise<InstallView> {
  requirePartnerRole(ctx, 'member');
  if (!isId('templateInstall', installId)) throw notFound('Install');
  const [row] = await getDb()
    .select()
    .from(templateInstalls)
    .where(and(eq(templateInstalls.id, installId), eq(templateInstalls.partnerId, ctx.partnerId)));
  if (!row) throw notFound('Install');
  return installView(row);
}
