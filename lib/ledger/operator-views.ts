import { and, desc, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { ledgerAccounts, ledgerTransfers, ledgerVerifications, operatorAlerts, partners, type LedgerTransferKind } from '@/db/schema';
import type { Ctx } from '@/lib/audit/context';
import { requireOperator } from '@/lib/auth/permissions';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { cursorQuery, toPage, type ListParams } from '@/lib/pagination/cursor';
import { runsOutOn } from './statements';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Every live partner's prepaid balance with its 30-day average spend and the day it runs out, lowest runway
 * first is left to the page; one query with the spend summed per account.
 */
export async function partnerBalancesOverview(ctx: Ctx, now: Date = new Date()) {
  requireOperator(ctx);
  const since = new Date(now.getTime() - 30 * dayMs);
  const rows = await getDb()
    .select({
      partnerId: partners.id,
      name: partners.name,
      slug: partners.slug,
      tier: partners.tier,
      balance: sql<string>`coalesce(${ledgerAccounts.balance}, 0)::text`,
      held: sql<string>`coalesce(${ledgerAccounts.held}, 0)::text`,
      spent: sql<string>`coalesce((select -sum(e.amount) from ledger_entries e where e.account_id = ${ledgerAccounts.id} and e.amount < 0 and e.created_at >= ${since.toISOString()}::timestamptz and e.kind in ('charge', 'purchase')), 0)::text`,
    })
    .from(partners)
    .leftJoin(ledgerAccounts, and(eq(ledgerAccounts.partnerId, partners.id), eq(ledgerAccounts.kind, 'partner_prepaid')))
    .where(eq(partners.kind, 'live'))
    .orderBy(partners.name);
  return rows.map((row) => {
    const balance = BigInt(row.balance);
    const held = BigInt(row.held);
    const dailySpend = BigInt(row.spent) / 30n;
    return { ...row, balance, held, dailySpend, runsOutOn: runsOutOn(balance - held, dailySpend, now) };
  });
}

export type TransferFilters = { partnerId?: string; kind?: LedgerTransferKind; from?: Date; to?: Date };

/**
 * The ledger's transfers, newest first, by partner, kind and time ((partner_id, kind, id), (partner_id, id),
 * (partner_id, created_at, id) and (created_at, id) indexes).
 */
export async function listLedgerTransfers(ctx: Ctx, filters: TransferFilters & ListParams) {
  requireOperator(ctx);
  const query = cursorQuery(filters);
  const { where: cursor, orderBy } = cursorClauses(ledgerTransfers.id, query);
  const conditions: (SQL | undefined)[] = [cursor];
  if (filters.partnerId) conditions.push(eq(ledgerTransfers.partnerId, filters.partnerId));
  if (filters.kind) conditions.push(eq(ledgerTransfers.kind, filters.kind));
  if (filters.from) conditions.push(gte(ledgerTransfers.createdAt, filters.from));
  if (filters.to) conditions.push(lte(ledgerTransfers.createdAt, filters.to));
  const rows = await getDb()
    .select({ transfer: ledgerTransfers, partnerName: partners.name })
    .from(ledgerTransfers)
    .innerJoin(partners, eq(partners.id, ledgerTransfers.partnerId))
    .where(and(...conditions))
    .orderBy(orderBy)
    .limit(query.take);
  return toPage(rows.map((row) => ({ ...row.transfer, partnerName: row.partnerName })), query);
}

/** The last reconciliation run and the alerts still open. */
export async function reconciliationStatus(ctx: Ctx) {
  requireOperator(ctx);
  const db = getDb();
  const [[last], alerts] = await Promise.all([
    db.select().from(ledgerVerifications).orderBy(desc(ledgerVerifications.createdAt)).limit(1),
    db.select().from(operatorAlerts).where(isNull(operatorAlerts.resolvedAt)).orderBy(desc(operatorAlerts.createdAt)).limit(20),
  ]);
  return { last: last ?? null, alerts };
}
