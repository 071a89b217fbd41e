import { and, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { ledgerEntries, ledgerTransfers, type LedgerTransferKind } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { cursorClauses } from '@/lib/pagination/cursor-sql';
import { cursorQuery, toPage, type ListParams } from '@/lib/pagination/cursor';
import { readAccount, type AccountKey } from './accounts';
import { clientOf, partnerBook } from './books';
import { validityOf } from './client-credits';

export type Forecast = { dailySpend: bigint; runsOutOn: Date | null; windowDays: number };

const forecastWindowDays = 30;
const dayMs = 24 * 60 * 60 * 1000;

/**
 * Average daily spend over the last 30 days (what left the account as charges, purchases and allocations)
 * and the day the balance runs out at that pace; none when nothing was spent.
 */
async function forecastOf(accountId: string | undefined, available: bigint, now: Date): Promise<Forecast> {
  if (!accountId) return { dailySpend: 0n, runsOutOn: null, windowDays: forecastWindowDays };
  const since = new Date(now.getTime() - forecastWindowDays * dayMs);
  const [row] = await getDb()
    .select({ spent: sql<string>`coalesce(-sum(${ledgerEntries.amount}), 0)::text` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.accountId, accountId), lt(ledgerEntries.amount, 0n), gte(ledgerEntries.createdAt, since), sql`${ledgerEntries.kind} in ('charge', 'purchase', 'allocation')`));
  const dailySpend = BigInt(row?.spent ?? '0') / BigInt(forecastWindowDays);
  return { dailySpend, runsOutOn: runsOutOn(available, dailySpend, now), windowDays: forecastWindowDays };
}

/** Forecasts further out than this say nothing useful (and past ±275,000 years no Date can hold them). */
const longestForecastDays = 100n * 365n;

/** The day a balance runs out at a daily spend: none when nothing is spent, or when it lasts past a century. */
export function runsOutOn(available: bigint, dailySpend: bigint, now: Date): Date | null {
  if (dailySpend <= 0n) return null;
  const days = (available > 0n ? available : 0n) / dailySpend;
  return days > longestForecastDays ? null : new Date(now.getTime() + Number(days) * dayMs);
}

async function balanceWithForecast(key: AccountKey, now: Date) {
  const account = await readAccount(getDb(), key);
  const balance = account?.balance ?? 0n;
  const held = account?.held ?? 0n;
  return { accountId: account?.id ?? null, balance, held, available: balance - held, lowBalanceThreshold: account?.lowBalanceThreshold ?? null, forecast: await forecastOf(account?.id, balance - held, now) };
}

/** The partner's prepaid balance (with its forecast), day balance and points pool. */
export async function partnerBalances(ctx: PartnerCtx, now: Date = new Date()) {
  requirePartnerRole(ctx, 'member');
  const book = partnerBook(ctx.partnerId);
  const [prepaid, days, points] = await Promise.all([balanceWithForecast(book.prepaid, now), balanceWithForecast(book.pool('days'), now), balanceWithForecast(book.pool('points'), now)]);
  return { prepaid, days, points };
}

/** A client's wallet (with its forecast and validity), days and points. */
export async function clientWallet(ctx: PartnerCtx, clientId: string, now: Date = new Date()) {
  requirePartnerRole(ctx, 'member');
  const client = await clientOf(getDb(), ctx.partnerId, clientId);
  const book = partnerBook(ctx.partnerId);
  const [wallet, days, points, validity] = await Promise.all([
    balanceWithForecast(book.wallet(client.id), now),
    balanceWithForecast(book.clientPool(client.id, 'days'), now),
    balanceWithForecast(book.clientPool(client.id, 'points'), now),
    validityOf(ctx.partnerId, client.id),
  ]);
  return { client, wallet, days, points, validTill: validity.validTill, expired: validity.expired };
}

export type StatementFilters = { kind?: LedgerTransferKind; from?: Date; to?: Date; objectId?: string };

export type StatementLine = {
  id: string;
  transferId: string;
  chargeId: string;
  kind: LedgerTransferKind;
  amount: bigint;
  balanceAfter: bigint;
  product: string | null;
  objectId: string | null;
  memo: string | null;
  reference: string | null;
  createdAt: Date;
};

/**
 * One account's statement, newest first, cursor-paginated, filtered by kind, date range and object (a number).
 * Served by the (partner, account, …, id) indexes, so a page stays one index range at any size.
 */
export async function accountStatement(ctx: PartnerCtx, key: AccountKey, filters: StatementFilters & ListParams) {
  const account = await readAccount(getDb(), key);
  const query = cursorQuery(filters);
  if (!account) return toPage<StatementLine>([], query);
  const { where: cursor, orderBy } = cursorClauses(ledgerEntries.id, query);
  const conditions: (SQL | undefined)[] = [eq(ledgerEntries.partnerId, ctx.partnerId), eq(ledgerEntries.accountId, account.id), cursor];
  if (filters.kind) conditions.push(eq(ledgerEntries.kind, filters.kind));
  if (filters.objectId) conditions.push(eq(ledgerEntries.objectId, filters.objectId));
  if (filters.from) conditions.push(gte(ledgerEntries.createdAt, filters.from));
  if (filters.to) conditions.push(lte(ledgerEntries.createdAt, filters.to));
  const rows = await getDb()
    .select({
      id: ledgerEntries.id,
      transferId: ledgerEntries.transferId,
      chargeId: ledgerTransfers.setId,
      kind: ledgerEntries.kind,
      amount: ledgerEntries.amount,
      balanceAfter: ledgerEntries.balanceAfter,
      product: ledgerTransfers.product,
      objectId: ledgerEntries.objectId,
      memo: ledgerTransfers.memo,
      reference: ledgerTransfers.reference,
      createdAt: ledgerEntries.createdAt,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerTransfers, eq(ledgerTransfers.id, ledgerEntries.transferId))
    .where(and(...conditions))
    .orderBy(orderBy)
    .limit(query.take);
  return toPage<StatementLine>(rows, query);
}

export async function clientStatement(ctx: PartnerCtx, clientId: string, filters: StatementFilters & ListParams) {
  requirePartnerRole(ctx, 'member');
  await clientOf(getDb(), ctx.partnerId, clientId);
  return accountStatement(ctx, partnerBook(ctx.partnerId).wallet(clientId), filters);
}

export async function partnerStatement(ctx: PartnerCtx, unit: 'inr' | 'days' | 'points', filters: StatementFilters & ListParams) {
  requirePartnerRole(ctx, 'member');
  const book = partnerBook(ctx.partnerId);
  return accountStatement(ctx, unit === 'inr' ? book.prepaid : book.pool(unit), filters);
}
