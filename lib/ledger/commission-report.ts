import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { clients, commissions } from '@/db/schema';
import type { PartnerCtx } from '@/lib/audit/context';
import { requirePartnerRole } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { parseInput, type Untrusted } from '@/lib/errors/zod';
import { csvLine } from '@/lib/clients/client-csv';
import { paiseToDecimal } from './format';
import { storableIsoDate } from '@/lib/dates/storable-date';

const isoDate = storableIsoDate('Use a date as YYYY-MM-DD.');

export const commissionReportSchema = z.object({
  startDate: isoDate,
  endDate: isoDate,
  clientId: z.string().min(1).optional(),
  groupBy: z.enum(['day', 'month']).default('day'),
});

/** Midnight India time of a YYYY-MM-DD date, as an instant: billing days are Indian days. */
export const istStart = (date: string) => new Date(`${date}T00:00:00+05:30`);

export type CommissionReport = {
  startDate: string;
  endDate: string;
  clientId: string | null;
  totals: { charges: number; retail: bigint; wholesale: bigint; commission: bigint };
  series: { period: string; charges: number; commission: bigint }[];
  byClient: { clientId: string; name: string; charges: number; retail: bigint; wholesale: bigint; commission: bigint }[];
};

/**
 * The partner's commission over a range of Indian days (both ends included), optionally for one client: totals,
 * one row per day or month, and one per client. Refunds count negatively, so a refunded charge nets to zero.
 */
export async function commissionReport(ctx: PartnerCtx, input: Untrusted<z.input<typeof commissionReportSchema>>): Promise<CommissionReport> {
  requirePartnerRole(ctx, 'member');
  const data = parseInput(commissionReportSchema, input);
  if (data.endDate < data.startDate) throw new AppError('validation_failed', 'The end date is before the start date.', { endDate: 'The end date is before the start date.' });
  const from = istStart(data.startDate);
  const to = new Date(istStart(data.endDate).getTime() + 24 * 60 * 60 * 1000);
  if (to.getTime() - from.getTime() > 400 * 24 * 60 * 60 * 1000) throw new AppError('validation_failed', 'A report covers at most 400 days.', { endDate: 'A report covers at most 400 days.' });
  const where: SQL = and(eq(commissions.partnerId, ctx.partnerId), gte(commissions.createdAt, from), lt(commissions.createdAt, to), data.clientId ? eq(commissions.clientId, data.clientId) : undefined)!;
  // A charge counts once; its refund (a negative row) takes it back out of the count.
  const charges = sql<number>`sum(sign(${commissions.retail}))::int`;
  // Literal SQL (from the two allowed values), so the SELECT and GROUP BY expressions are the same text.
  const period = sql<string>`to_char(date_trunc('${sql.raw(data.groupBy)}', ${commissions.createdAt} at time zone 'Asia/Kolkata'), '${sql.raw(data.groupBy === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM')}')`;
  const db = getDb();
  const [series, byClient] = await Promise.all([
    db.select({ period, charges, commission: sql<string>`sum(${commissions.commission})::text` }).from(commissions).where(where).groupBy(period).orderBy(period),
    db
      .select({ clientId: commissions.clientId, name: clients.name, charges, retail: sql<string>`sum(${commissions.retail})::text`, wholesale: sql<string>`sum(${commissions.wholesale})::text`, commission: sql<string>`sum(${commissions.commission})::text` })
      .from(commissions)
      .innerJoin(clients, eq(clients.id, commissions.clientId))
      .where(where)
      .groupBy(commissions.clientId, clients.name)
      .orderBy(sql`sum(${commissions.commission}) desc`),
  ]);
  const clientsOut = byClient.map((row) => ({ clientId: row.clientId, name: row.name, charges: row.charges, retail: BigInt(row.retail), wholesale: BigInt(row.wholesale), commission: BigInt(row.commission) }));
  const sum = (pick: (row: (typeof clientsOut)[number]) => bigint) => clientsOut.reduce((total, row) => total + pick(row), 0n);
  return {
    startDate: data.startDate,
    endDate: data.endDate,
    clientId: data.clientId ?? null,
    totals: { charges: clientsOut.reduce((n, row) => n + row.charges, 0), retail: sum((r) => r.retail), wholesale: sum((r) => r.wholesale), commission: sum((r) => r.commission) },
    series: series.map((row) => ({ period: row.period, charges: row.charges, commission: BigInt(row.commission) })),
    byClient: clientsOut,
  };
}

/** This month so far, in India: the report a partner opens first. */
export function defaultReportRange(now: Date = new Date()) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(now);
  return { startDate: `${today.slice(0, 8)}01`, endDate: today };
}

/** The report as CSV: one line per client, then one per period. */
export async function commissionCsv(ctx: PartnerCtx, input: Untrusted<z.input<typeof commissionReportSchema>>): Promise<string> {
  const report = await commissionReport(ctx, input);
  const rupees = (paise: bigint) => paiseToDecimal(paise);
  return [
    csvLine(['section', 'client_id', 'client', 'period', 'charges', 'retail_inr', 'wholesale_inr', 'commission_inr']),
    ...report.byClient.map((row) => csvLine(['client', row.clientId, row.name, `${report.startDate}..${report.endDate}`, row.charges, rupees(row.retail), rupees(row.wholesale), rupees(row.commission)])),
    ...report.series.map((row) => csvLine(['period', null, null, row.period, row.charges, null, null, rupees(row.commission)])),
  ].join('');
}
