import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { ledgerVerifications, operatorAlerts } from '@/db/schema';
import { logger } from '@/lib/log/logger';
import { sqlRows } from './sql-rows';

export type LedgerProblem = { check: string; id: string; detail: string };
export type LedgerVerification = { id?: string; ok: boolean; accounts: number; transfers: number; problems: LedgerProblem[]; durationMs: number };

/** How many findings of one kind are kept: enough to act on, bounded when something is badly wrong. */
const perCheck = 50;

/**
 * Each check is one query returning the rows that break an invariant, as (id, detail). Amounts are cast to
 * text so both drivers answer alike.
 */
function checks(partnerId?: string): Record<string, SQL> {
  const scope = (column: string) => (partnerId ? sql`${sql.raw(column)} = ${partnerId}` : sql`true`);
  return {
    // Every balance equals the sum of its entries, and its version counts them.
    balance_equals_entries: sql`
      select a.id, 'balance ' || a.balance::text || ' but entries sum to ' || coalesce(e.total, 0)::text || ' (version ' || a.version::text || ', entries ' || coalesce(e.n, 0)::text || ')' as detail
      from ledger_accounts a
      left join (select account_id, sum(amount) as total, count(*) as n from ledger_entries group by account_id) e on e.account_id = a.id
      where ${scope('a.partner_id')} and (a.balance <> coalesce(e.total, 0) or a.version <> coalesce(e.n, 0))`,
    // What is held equals the open (unresolved) holds that debit the account.
    held_equals_open_holds: sql`
      select a.id, 'held ' || a.held::text || ' but open holds sum to ' || coalesce(h.total, 0)::text as detail
      from ledger_accounts a
      left join (
        select p.debit_account_id, sum(p.amount) as total from ledger_transfers p
        where p.status = 'pending' and not exists (select 1 from ledger_transfers r where r.pending_id = p.id)
        group by p.debit_account_id
      ) h on h.debit_account_id = a.id
      where ${scope('a.partner_id')} and a.held <> coalesce(h.total, 0)`,
    // No balance is below its floor.
    floor_respected: sql`
      select id, 'available ' || (balance - held)::text || ' below floor ' || min_balance::text as detail
      from ledger_accounts where ${scope('partner_id')} and min_balance is not null and balance - held < min_balance`,
    // A posted transfer has exactly its two entries: minus the amount on the debit account, plus on the credit.
    transfer_has_two_entries: sql`
      select t.id, 'entries: ' || count(e.id)::text as detail
      from ledger_transfers t
      left join ledger_entries e on e.transfer_id = t.id
        and ((e.account_id = t.debit_account_id and e.amount = -t.amount) or (e.account_id = t.credit_account_id and e.amount = t.amount))
      where ${scope('t.partner_id')} and t.status = 'posted'
      group by t.id having count(e.id) <> 2`,
    // Held and voided transfers move nothing.
    only_posted_have_entries: sql`
      select t.id, t.status::text || ' transfer has entries' as detail
      from ledger_transfers t where ${scope('t.partner_id')} and t.status <> 'posted' and exists (select 1 from ledger_entries e where e.transfer_id = t.id)`,
    // Every linked set sums to zero, unit by unit.
    set_sums_to_zero: sql`
      select t.set_id as id, t.unit::text || ' sums to ' || sum(e.amount)::text as detail
      from ledger_entries e join ledger_transfers t on t.id = e.transfer_id
      where ${scope('t.partner_id')} group by t.set_id, t.unit having sum(e.amount) <> 0`,
    // Each entry's balance_after is the running sum of the account's entries in version order.
    running_balance: sql`
      select id, 'balance_after ' || balance_after::text || ' but running sum ' || running::text as detail from (
        select e.id, e.balance_after, sum(e.amount) over (partition by e.account_id order by e.account_version) as running
        from ledger_entries e where ${scope('e.partner_id')}
      ) s where balance_after <> running`,
    // A transfer stays inside one partner's book and one unit (sandboxes never touch live accounts).
    one_book_one_unit: sql`
      select t.id, 'crosses books or units' as detail
      from ledger_transfers t
      join ledger_accounts d on d.id = t.debit_account_id
      join ledger_accounts c on c.id = t.credit_account_id
      where ${scope('t.partner_id')} and (d.partner_id <> t.partner_id or c.partner_id <> t.partner_id or d.unit <> t.unit or c.unit <> t.unit)`,
    // A post takes at most what was held; a refund gives back at most what was taken.
    resolution_within_hold: sql`
      select r.id, 'posts ' || r.amount::text || ' of a hold of ' || p.amount::text as detail
      from ledger_transfers r join ledger_transfers p on p.id = r.pending_id
      where ${scope('r.partner_id')} and (r.amount > p.amount or p.status <> 'pending')`,
    refund_within_charge: sql`
      select r.id, 'refunds ' || r.amount::text || ' of ' || c.amount::text as detail
      from ledger_transfers r join ledger_transfers c on c.id = r.reverses_id
      where ${scope('r.partner_id')} and (r.amount > c.amount or r.debit_account_id <> c.credit_account_id or r.credit_account_id <> c.debit_account_id)`,
  };
}

/** Proves the ledger's invariants over everything (or one partner's book) and reports what breaks them. */
export async function verifyLedger(options: { partnerId?: string } = {}): Promise<LedgerVerification> {
  const started = performance.now();
  const db = getDb();
  const problems: LedgerProblem[] = [];
  for (const [check, query] of Object.entries(checks(options.partnerId))) {
    const rows = await sqlRows<{ id: string; detail: string }>(db, sql`${query} limit ${perCheck}`);
    problems.push(...rows.map((row) => ({ check, id: row.id, detail: row.detail })));
  }
  const scope = options.partnerId ? sql`where partner_id = ${options.partnerId}` : sql``;
  const [counts] = await sqlRows<{ accounts: string; transfers: string }>(
    db,
    sql`select (select count(*) from ledger_accounts ${scope})::text as accounts, (select count(*) from ledger_transfers ${scope})::text as transfers`,
  );
  return { ok: problems.length === 0, accounts: Number(counts?.accounts ?? 0), transfers: Number(counts?.transfers ?? 0), problems, durationMs: Math.round(performance.now() - started) };
}

/** Runs the reconciliation, keeps its result, and raises an operator alert when it finds anything. */
export async function runLedgerVerification(now: Date = new Date()): Promise<LedgerVerification> {
  const result = await verifyLedger();
  const db = getDb();
  const [row] = await db.insert(ledgerVerifications).values({ ok: result.ok, accounts: result.accounts, transfers: result.transfers, problems: result.problems, durationMs: result.durationMs, createdAt: now }).returning({ id: ledgerVerifications.id });
  if (!result.ok) {
    logger.error('ledger verification found problems', { problems: result.problems.length, checks: [...new Set(result.problems.map((p) => p.check))] });
    await db.insert(operatorAlerts).values({ kind: 'ledger_verification_failed', message: `The ledger reconciliation found ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}.`, details: { verification_id: row!.id, problems: result.problems } });
  }
  return { ...result, id: row!.id };
}

/** The worker runs the reconciliation once a day: when the last run is older than that (or there is none). */
export async function verifyLedgerIfDue(now: Date = new Date(), everyMs = 24 * 60 * 60 * 1000): Promise<LedgerVerification | null> {
  const [last] = await sqlRows<{ at: string }>(getDb(), sql`select extract(epoch from max(created_at))::text as at from ledger_verifications`);
  if (last?.at && now.getTime() - Number(last.at) * 1000 < everyMs) return null;
  return runLedgerVerification(now);
}
