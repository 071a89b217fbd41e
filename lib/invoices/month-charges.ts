import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { sqlRows } from '@/lib/ledger/sql-rows';
import type { Period } from '@/lib/periods/ist-month';
import type { GroupedCharge } from './gst';

/** Whose side of the book a document covers: a client's charges at retail, or the partner's at wholesale. */
export type Side = { issuer: 'partner'; partnerId: string; clientId: string } | { issuer: 'operator'; partnerId: string };

/**
 * The account the supply is paid from: the client's wallet (retail legs) or the partner's prepaid balance
 * (wholesale legs of charges, and its purchases of days and points). A refund runs the same legs back, so it is
 * found by the account it credits.
 */
function payerMatch(side: Side, alias: 'd' | 'c'): SQL {
  return side.issuer === 'partner'
    ? sql.raw(`${alias}.kind = 'client_wallet'`).append(sql` and ${sql.raw(alias)}.client_id = ${side.clientId}`)
    : sql.raw(`${alias}.kind = 'partner_prepaid'`);
}

/** The per-unit rate the leg was charged at, from what the ledger recorded with it (null: one unit of its amount). */
const rateOf = (side: Side, metadata: string) =>
  side.issuer === 'partner' ? sql.raw(`(${metadata}->>'unit_retail')::bigint`) : sql.raw(`coalesce((${metadata}->>'unit_wholesale')::bigint, (${metadata}->'rate'->>'paise_each')::bigint)`);

type Row = { product: string | null; unit_rate: string | null; quantity: string; gross: string };

const toGroups = (rows: Row[]): GroupedCharge[] =>
  rows.map((r) => ({ product: r.product ?? 'other', unitRate: BigInt(r.unit_rate ?? r.gross), quantity: BigInt(r.quantity), gross: BigInt(r.gross) }));

/**
 * The month's charges to one payer, grouped by product and rate (a price change mid-month gives two lines), in
 * a stable order. Quantity is what the charge recorded (`metadata.quantity`), or its amount over the rate for a
 * purchase; an amount with no recorded rate is one unit of itself.
 */
export async function monthCharges(q: Queryable, side: Side, period: Period): Promise<GroupedCharge[]> {
  const wholesaleSide = side.issuer === 'operator';
  const kinds = wholesaleSide ? sql`('charge', 'purchase')` : sql`('charge')`;
  const rate = rateOf(side, 't.metadata');
  const rows = await sqlRows<Row>(
    q,
    sql`select t.product, (${rate})::text as unit_rate,
          sum(coalesce((t.metadata->>'quantity')::bigint, t.amount / nullif(${rate}, 0), 1))::text as quantity, sum(t.amount)::text as gross
        from ledger_transfers t join ledger_accounts d on d.id = t.debit_account_id join ledger_accounts c on c.id = t.credit_account_id
        where t.partner_id = ${side.partnerId} and t.kind in ${kinds} and t.status = 'posted' and t.unit = 'inr'
          and ${payerMatch(side, 'd')} and c.kind = ${wholesaleSide ? 'operator_revenue' : 'partner_revenue'}
          and t.created_at >= ${period.start.toISOString()}::timestamptz and t.created_at < ${period.end.toISOString()}::timestamptz
        group by t.product, ${rate} order by t.product, ${rate}`,
  );
  return toGroups(rows);
}

/**
 * The month's refunds to one payer, grouped like charges (quantity and rate from the charge each reverses), and
 * the months of the charges they reverse (whose invoices the credit note refers to).
 */
export async function monthRefunds(q: Queryable, side: Side, period: Period): Promise<{ groups: GroupedCharge[]; chargedIn: string[] }> {
  const rate = rateOf(side, 'o.metadata');
  const where = sql`t.partner_id = ${side.partnerId} and t.kind = 'refund' and t.status = 'posted' and t.unit = 'inr'
    and ${payerMatch(side, 'c')} and d.kind = ${side.issuer === 'operator' ? 'operator_revenue' : 'partner_revenue'}
    and t.created_at >= ${period.start.toISOString()}::timestamptz and t.created_at < ${period.end.toISOString()}::timestamptz`;
  const from = sql`from ledger_transfers t join ledger_transfers o on o.id = t.reverses_id join ledger_accounts d on d.id = t.debit_account_id join ledger_accounts c on c.id = t.credit_account_id`;
  const rows = await sqlRows<Row>(
    q,
    sql`select t.product, (${rate})::text as unit_rate, sum(coalesce((o.metadata->>'quantity')::bigint, t.amount / nullif(${rate}, 0), 1))::text as quantity, sum(t.amount)::text as gross
      ${from} where ${where} group by t.product, ${rate} order by t.product, ${rate}`,
  );
  const months = await sqlRows<{ month: string }>(q, sql`select distinct to_char(o.created_at at time zone 'Asia/Kolkata', 'YYYY-MM') as month ${from} where ${where} order by 1`);
  return { groups: toGroups(rows), chargedIn: months.map((m) => m.month) };
}

/**
 * Who has something to invoice in the month: each client of a live partner with charges or refunds on its
 * wallet, and each live partner with wholesale charges, purchases or refunds. One pass over the month's
 * transfers (the partner, created-at index). Sandboxes only when asked for by `kind` (a sandbox's test clock).
 */
export async function monthRecipients(q: Queryable, period: Period, partnerId?: string, kind: 'live' | 'sandbox' = 'live'): Promise<Side[]> {
  const rows = await sqlRows<{ partner_id: string; client_id: string | null }>(
    q,
    sql`select distinct t.partner_id, case when a.kind = 'client_wallet' then a.client_id end as client_id
      from ledger_transfers t join partners p on p.id = t.partner_id and p.kind = ${kind}
      join ledger_accounts a on a.id = case when t.kind = 'refund' then t.credit_account_id else t.debit_account_id end
      where t.kind in ('charge', 'purchase', 'refund') and t.status = 'posted' and t.unit = 'inr' and a.kind in ('client_wallet', 'partner_prepaid')
        ${partnerId ? sql`and t.partner_id = ${partnerId}` : sql``}
        and t.created_at >= ${period.start.toISOString()}::timestamptz and t.created_at < ${period.end.toISOString()}::timestamptz
      order by 1, 2 nulls first`,
  );
  return rows.map((r): Side => (r.client_id ? { issuer: 'partner', partnerId: r.partner_id, clientId: r.client_id } : { issuer: 'operator', partnerId: r.partner_id }));
}
