import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb, type Queryable } from '@/db';
import type { Ctx, PartnerCtx } from '@/lib/audit/context';
import { requireOperator, requirePartnerRole } from '@/lib/auth/permissions';
import type { Untrusted } from '@/lib/errors/zod';
import { sqlRows } from '@/lib/ledger/sql-rows';
import { periodOf, previousPeriod, type Period } from '@/lib/periods/ist-month';
import { ticketStatistics } from '@/lib/support/statistics';
import { totalsOf, usageByDay, type UsageTotals } from './client-usage';
import { reportPeriod, type ReportPeriod, type reportPeriodSchema } from './report-period';

export type Money = { charges: number; retail: bigint; wholesale: bigint; commission: bigint };
export type ClientFigures = { total: number; active: number; new: number; churned: number };
export type MonthFigures = Money & { month: string; newClients: number; activeClients: number };
export type Growth = { revenue: number | null; commission: number | null; activeClients: number | null; newClients: number | null };

export type Metrics = {
  period: ReportPeriod;
  clients: ClientFigures;
  money: Money;
  /** Percent change against the period of the same length just before; null when that one had none. */
  growth: Growth;
  previous: { clients: ClientFigures; money: Money };
  /** The six IST months up to the period's last, oldest first. */
  months: MonthFigures[];
  usage: UsageTotals;
  tickets: { total: number; open: number; breached: number; breachRate: number; medianFirstResponseSeconds: number | null; medianResolutionSeconds: number | null };
  /** Operator only: each partner's figures for the period, by revenue. */
  byPartner?: { partnerId: string; name: string; retail: bigint; wholesale: bigint; commission: bigint; activeClients: number }[];
};

/** One partner, or (for the operator) every live partner: a sandbox's test charges are no business. */
const scope = (column: string, partnerId: string | null): SQL => (partnerId ? sql`${sql.raw(column)} = ${partnerId}` : sql`${sql.raw(column)} in (select id from partners where kind = 'live')`);
const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * Money over [start, end) from the ledger's commission rows (one per charge, negative for its refund): retail is
 * what clients paid, wholesale what the partner paid the operator, commission the difference.
 */
async function moneyBetween(db: Queryable, partnerId: string | null, start: Date, end: Date): Promise<Money & { activeClients: number }> {
  const [row] = await sqlRows<{ charges: number; retail: string; wholesale: string; commission: string; active: number }>(
    db,
    sql`select coalesce(sum(sign(retail)), 0)::int as charges, coalesce(sum(retail), 0)::text as retail, coalesce(sum(wholesale), 0)::text as wholesale,
        coalesce(sum(commission), 0)::text as commission, count(distinct client_id) filter (where retail > 0)::int as active
      from commissions where ${scope('partner_id', partnerId)} and created_at >= ${iso(start)} and created_at < ${iso(end)}`,
  );
  return { charges: row?.charges ?? 0, retail: BigInt(row?.retail ?? 0), wholesale: BigInt(row?.wholesale ?? 0), commission: BigInt(row?.commission ?? 0), activeClients: row?.active ?? 0 };
}

/**
 * Clients: `total` that existed by the period's end, `new` created in it, `active` charged in it (the ledger
 * says who used the service), `churned` deactivated in it and still inactive.
 */
async function clientsBetween(db: Queryable, partnerId: string | null, start: Date, end: Date, active: number): Promise<ClientFigures> {
  const [row] = await sqlRows<{ total: number; created: number; churned: number }>(
    db,
    sql`select
        (select count(*)::int from clients where ${scope('partner_id', partnerId)} and created_at < ${iso(end)}) as total,
        (select count(*)::int from clients where ${scope('partner_id', partnerId)} and created_at >= ${iso(start)} and created_at < ${iso(end)}) as created,
        (select count(distinct a.target_id)::int from audit_log a join clients c on c.id = a.target_id and c.status = 'inactive'
          where ${scope('a.partner_id', partnerId)} and a.action = 'client.deactivated' and a.created_at >= ${iso(start)} and a.created_at < ${iso(end)}) as churned`,
  );
  return { total: row?.total ?? 0, active, new: row?.created ?? 0, churned: row?.churned ?? 0 };
}

const growthOf = (now: bigint | number, before: bigint | number): number | null => (Number(before) === 0 ? null : Math.round(((Number(now) - Number(before)) / Math.abs(Number(before))) * 1000) / 10);

async function monthsUpTo(db: Queryable, partnerId: string | null, last: Period): Promise<MonthFigures[]> {
  const periods: Period[] = [last];
  while (periods.length < 6) periods.unshift(previousPeriod(periods[0]!));
  return Promise.all(
    periods.map(async (period) => {
      const money = await moneyBetween(db, partnerId, period.start, period.end);
      const [row] = await sqlRows<{ n: number }>(db, sql`select count(*)::int as n from clients where ${scope('partner_id', partnerId)} and created_at >= ${iso(period.start)} and created_at < ${iso(period.end)}`);
      const { activeClients, ...rest } = money;
      return { month: period.key, ...rest, newClients: row?.n ?? 0, activeClients };
    }),
  );
}

async function metricsFor(ctx: Ctx, partnerId: string | null, input: Untrusted<z.input<typeof reportPeriodSchema>>, now: Date): Promise<Metrics> {
  const period = reportPeriod(input, now);
  const length = period.end.getTime() - period.start.getTime();
  const before = { start: new Date(period.start.getTime() - length), end: period.start };
  const db = getDb();
  const [money, previousMoney, months, days, stats] = await Promise.all([
    moneyBetween(db, partnerId, period.start, period.end),
    moneyBetween(db, partnerId, before.start, before.end),
    monthsUpTo(db, partnerId, periodOf(new Date(period.end.getTime() - 1))),
    usageByDay(db, partnerId, null, period),
    ticketStatistics(ctx, partnerId ? { level: 'client' } : {}),
  ]);
  const [clients, previousClients] = await Promise.all([clientsBetween(db, partnerId, period.start, period.end, money.activeClients), clientsBetween(db, partnerId, before.start, before.end, previousMoney.activeClients)]);
  const strip = ({ activeClients: _, ...rest }: Money & { activeClients: number }): Money => rest;
  // Storage across a whole partner is a level, not a flow: the usage totals count its changes in the period.
  return {
    period,
    clients,
    money: strip(money),
    previous: { clients: previousClients, money: strip(previousMoney) },
    growth: { revenue: growthOf(money.retail, previousMoney.retail), commission: growthOf(money.commission, previousMoney.commission), activeClients: growthOf(clients.active, previousClients.active), newClients: growthOf(clients.new, previousClients.new) },
    months,
    usage: totalsOf(days),
    tickets: { total: stats.total, open: stats.backlog.open, breached: stats.breached, breachRate: stats.breachRate, medianFirstResponseSeconds: stats.medianFirstResponseSeconds, medianResolutionSeconds: stats.medianResolutionSeconds },
  };
}

/** A partner's business over a period (Flowmatix: partner performance metrics). */
export async function partnerMetrics(ctx: PartnerCtx, input: Untrusted<z.input<typeof reportPeriodSchema>> = {}, now: Date = new Date()): Promise<Metrics> {
  requirePartnerRole(ctx, 'member');
  return metricsFor(ctx, ctx.partnerId, input, now);
}

/** The same figures across every partner, with each partner's share, for the operator console. */
export async function operatorMetrics(ctx: Ctx, input: Untrusted<z.input<typeof reportPeriodSchema>> = {}, now: Date = new Date()): Promise<Metrics> {
  requireOperator(ctx);
  const metrics = await metricsFor(ctx, null, input, now);
  const rows = await sqlRows<{ partner_id: string; name: string; retail: string; wholesale: string; commission: string; active: number }>(
    getDb(),
    sql`select c.partner_id, p.name, sum(c.retail)::text as retail, sum(c.wholesale)::text as wholesale, sum(c.commission)::text as commission, count(distinct c.client_id) filter (where c.retail > 0)::int as active
      from commissions c join partners p on p.id = c.partner_id and p.kind = 'live'
      where c.created_at >= ${iso(metrics.period.start)} and c.created_at < ${iso(metrics.period.end)}
      group by c.partner_id, p.name order by sum(c.retail) desc limit 50`,
  );
  metrics.byPartner = rows.map((row) => ({ partnerId: row.partner_id, name: row.name, retail: BigInt(row.retail), wholesale: BigInt(row.wholesale), commission: BigInt(row.commission), activeClients: row.active }));
  return metrics;
}
