import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db';
import type { LedgerTransferKind } from '@/db/schema';
import { insufficientFunds } from './errors';
import { sqlRows } from './sql-rows';

/** What one set of transfers does to one account: posted balance, held amount, and entries written. */
export type Delta = { balance: bigint; held: bigint; entries: number };

export type AppliedAccount = { id: string; balance: bigint; held: bigint; version: bigint; lowBalanceThreshold: bigint | null };

/**
 * An entry to write once its account is updated. Its balance and version are given relative to the account's
 * state after the whole set (`afterAmount`: what later entries of the set add; `afterCount`: how many follow),
 * so one statement can write it from the row the UPDATE returns.
 */
export type PendingEntry = { id: string; partnerId: string; accountId: string; transferId: string; amount: bigint; afterAmount: bigint; afterCount: number; kind: LedgerTransferKind; objectId: string | null; createdAt: Date };

const text = (value: string | null) => sql`${value}::text`;
const int8 = (value: bigint | number) => sql`${value.toString()}::bigint`;
const list = (items: SQL[]) => sql.join(items, sql`, `);

/**
 * Applies a set's effect on its accounts and writes its entries, in one statement. The first CTE locks every
 * account in id order (the UPDATE only reaches a row after that CTE has emitted, and so locked, it and every
 * lower id), so two sets touching the same accounts queue instead of deadlocking. NO KEY UPDATE, like the UPDATE
 * itself, does not wait on the key-share locks that inserting transfers (foreign keys to these rows) took. The
 * floor sits in the UPDATE's WHERE clause: an account that would go below it is simply not updated (under READ
 * COMMITTED the clause is re-checked against the latest row), so no balance is ever read and then written.
 * Fewer rows back than accounts means a floor was hit, and the caller's transaction is abandoned: nothing moves.
 */
export async function applyDeltas(tx: Tx, deltas: Map<string, Delta>, entries: PendingEntry[]): Promise<Map<string, AppliedAccount>> {
  const ids = [...deltas.keys()];
  const rows = await sqlRows<AppliedRow>(tx, sql`with ${deltaCtes(deltas, entries)} select ${appliedColumns} from updated`);
  if (rows.length < ids.length) {
    const updated = new Set(rows.map((row) => row.id));
    throw await insufficientFunds(tx, ids.filter((id) => !updated.has(id)), deltas);
  }
  return appliedAccounts(rows);
}

export type AppliedRow = { id: string; balance: string; held: string; version: string; low_balance_threshold: string | null };

const appliedColumns = sql`id, balance::text as balance, held::text as held, version::text as version, low_balance_threshold::text as low_balance_threshold`;

export const appliedAccounts = (rows: AppliedRow[]) =>
  new Map(rows.map((row) => [row.id, { id: row.id, balance: BigInt(row.balance), held: BigInt(row.held), version: BigInt(row.version), lowBalanceThreshold: row.low_balance_threshold === null ? null : BigInt(row.low_balance_threshold) }]));

/**
 * The CTEs `locked`, `changes`, `updated` (the accounts after the set) and `written` (the entries), for one
 * set in a transaction: an account that would go below its floor is left out of `updated`.
 */
function deltaCtes(deltas: Map<string, Delta>, entries: PendingEntry[]): SQL {
  const changes = [...deltas.entries()];
  // Only an account whose available amount shrinks is held to its floor.
  const values = changes.map(([id, d]) => sql`(${text(id)}, ${int8(d.balance)}, ${int8(d.held)}, ${int8(d.entries)}, ${d.balance - d.held < 0n}::boolean)`);
  const entryValues = entries.map(
    (e) =>
      sql`(${text(e.id)}, ${text(e.partnerId)}, ${text(e.accountId)}, ${text(e.transferId)}, ${int8(e.amount)}, ${int8(e.afterAmount)}, ${int8(e.afterCount)}, ${text(e.kind)}, ${text(e.objectId)}, ${e.createdAt.toISOString()}::timestamptz)`,
  );
  const writeEntries = entries.length
    ? sql`, written as (
        insert into ledger_entries (id, partner_id, account_id, transfer_id, amount, balance_after, account_version, kind, object_id, created_at)
        select v.id, v.partner_id, v.account_id, v.transfer_id, v.amount, u.balance - v.after_amount, u.version - v.after_count, v.kind::ledger_transfer_kind, v.object_id, v.created_at
        from (values ${list(entryValues)}) as v(id, partner_id, account_id, transfer_id, amount, after_amount, after_count, kind, object_id, created_at)
        join updated u on u.id = v.account_id
      )`
    : sql``;
  return sql`${lockAndUpdateCtes(changes.map(([id]) => id), sql`values ${list(values)}`, { floor: 'where' })}${writeEntries}`;
}

/**
 * The CTEs `locked`, `changes` (from the query given: id, balance, held, entries, floored) and `updated`. The
 * first locks every account in id order (the UPDATE only reaches a row after that CTE has emitted, and so
 * locked, it and every lower id), so two statements touching the same accounts queue instead of deadlocking.
 * With `floor: 'where'` an account that would go below its floor is left out of `updated`; with `floor:
 * 'check'` it fails the table's floor CHECK, aborting the whole statement (for a statement that must write
 * all or nothing on its own). `gate` makes the lock wait for earlier CTEs (e.g. only lock once the set row is in).
 */
export function lockAndUpdateCtes(ids: string[], changes: SQL, options: { floor: 'where' | 'check'; gate?: SQL }): SQL {
  const floor = options.floor === 'where' ? sql`and (not c.floored or a.min_balance is null or a.balance + c.balance - (a.held + c.held) >= a.min_balance)` : sql``;
  return sql`locked as (
        select id from ledger_accounts where id in (${list(ids.map(text))}) ${options.gate ? sql`and ${options.gate}` : sql``} order by id for no key update
      ), changes(id, balance, held, entries, floored) as (${changes}),
      updated as (
        update ledger_accounts a
        set balance = a.balance + c.balance, held = a.held + c.held, version = a.version + c.entries
        from changes c, locked l
        where a.id = c.id and l.id = c.id ${floor}
        returning a.id, a.balance, a.held, a.version, a.low_balance_threshold
      )`;
}
