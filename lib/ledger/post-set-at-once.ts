import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import type { Ctx } from '@/lib/audit/context';
import type { NamedCte } from '@/lib/events/event-rows-sql';
import { sqlStateOf } from '@/lib/errors/postgres';
import { atLedgerTime, ledgerNow } from './clock';
import { appliedAccounts, lockAndUpdateCtes, type AppliedAccount, type AppliedRow } from './apply-deltas';
import { planSet, replay, setAndTransfersSql, type PlannedSet, type PostedSet, type SetRequest } from './post-set';
import { preparedRows } from './sql-rows';

/** Thrown when a set must be posted the full way (postSet in a transaction); nothing was written. */
export class TakeTransactionalPath extends Error {}

/**
 * Each set's own answer once the statement has committed, to be asked for: posted, replayed, or refused (a key
 * reused for another request). Kept apart so one set's refusal never reads as the statement's failure.
 */
export type SetOutcome = () => Promise<PostedSet>;

/** The CTE names one set of a statement reads and writes under: its set row and a prefix for its own rows. */
export type SetNames = { set: string; prefix: string };

/**
 * One set for postSetsAtOnce: the request, its account ids, the rows that go with it (CTE bodies reading the
 * set from `names.set`), and the ledger time it is stamped with (its caller's, which a set posted in a batch
 * started by another caller would otherwise not see).
 */
export type SetItem = { ctx: Ctx; request: SetRequest; accountIds: Map<string, string>; withSet?: (setId: string, names: SetNames) => NamedCte[]; at?: Date; /** Planned already (planSet), so a bad request is refused to its own caller. */ plan?: PlannedSet };

const text = (value: string) => sql`${value}::text`;
const int8 = (value: bigint | number) => sql`${value.toString()}::bigint`;
const list = (items: SQL[]) => sql.join(items, sql`, `);

/**
 * Posts sets in one statement outside any transaction, so PostgreSQL commits them the moment it is done: each
 * set, its transfers and the caller's rows that go with it, then the balances and the entries. The accounts
 * are locked last in the statement, in id order, and held only until that statement's own commit — no round
 * trip to the application while the hot rows are locked, which is what bounds charges per second on one
 * wallet. Several sets in one statement (charges queued on the same hot accounts, see charge-queue.ts) share
 * that lock, that statement and that commit.
 *
 * Each set is still its own: a set whose key was used before inserts no set row, so none of its rows are
 * written and it moves nothing (it is replayed afterwards as postSet replays it). The statement is all or
 * nothing: an account that would go below its floor fails the table's floor CHECK, and a statement that
 * crosses a low-balance threshold calls ledger_abort (the alert and e-mail are written by application code in
 * postSet's transaction); either abandons the whole statement and throws TakeTransactionalPath, and the caller
 * then posts the sets one by one, the last of them the transactional way, which gives the authoritative answer
 * (the shortfall, or the alert, under the lock).
 */
export async function postSetsAtOnce(db: Db, items: SetItem[]): Promise<SetOutcome[]> {
  const plans: PlannedSet[] = [];
  const written: NamedCte[] = [];
  items.forEach((item, i) =>
    atLedgerTime(item.at ?? ledgerNow(), () => {
      const plan = item.plan ?? planSet(item.ctx, item.request, item.accountIds);
      const names = { set: `s${i}`, prefix: `x${i}_` };
      const { set, transfers } = setAndTransfersSql(item.ctx, item.request, plan, names.set);
      plans.push(plan);
      written.push({ name: names.set, body: set }, { name: `t${i}`, body: transfers }, ...(item.withSet?.(plan.setId, names) ?? []));
    }),
  );
  const rows = await run(db, sql`with ${list(written.map(({ name, body }) => sql`${sql.raw(name)} as (${body})`))}, ${balanceCtes(plans, written)}
    select u.id, u.balance::text as balance, u.held::text as held, u.version::text as version, u.low_balance_threshold::text as low_balance_threshold, (u.balance - c.balance)::text as before,
      (select array_agg(idx) from applied) as applied,
      case when u.low_balance_threshold is not null and u.balance - c.balance >= u.low_balance_threshold and u.balance - u.held < u.low_balance_threshold
        then ledger_abort('low_balance_crossing') end as abandoned
    from updated u join changes c on c.id = u.id`);
  const applied = new Set((rows[0]?.applied ?? []).map(Number));
  const final = appliedAccounts(rows);
  // Walking back from the last set, each applied set sees its accounts as they were right after it: the final
  // state less what the applied sets after it moved.
  const movedLater = new Map<string, { balance: bigint; held: bigint }>();
  const outcomes: SetOutcome[] = [];
  for (let i = plans.length - 1; i >= 0; i--) {
    const plan = plans[i]!;
    const { request, accountIds } = items[i]!;
    if (!applied.has(i)) {
      // Its key was used before: replayed (or refused, for another request) on its own, the others unaffected.
      outcomes[i] = async () => {
        if (!request.idempotencyKey) throw new Error('A ledger set without a key was not inserted.');
        return replay(db, request, plan.digest);
      };
      continue;
    }
    const accounts = new Map<string, AppliedAccount & { before: bigint }>();
    for (const [id, delta] of plan.deltas) {
      const account = final.get(id)!;
      const later = movedLater.get(id) ?? { balance: 0n, held: 0n };
      const balance = account.balance - later.balance;
      accounts.set(id, { ...account, balance, held: account.held - later.held, before: balance - delta.balance });
      movedLater.set(id, { balance: later.balance + delta.balance, held: later.held + delta.held });
    }
    const posted = { setId: plan.setId, transfers: plan.transfers, replayed: false, accounts, accountIds };
    outcomes[i] = async () => posted;
  }
  return outcomes;
}

async function run(db: Db, statement: SQL) {
  try {
    return await preparedRows<AppliedRow & { before: string; applied: (number | string)[] | null }>(db, statement);
  } catch (error) {
    const state = sqlStateOf(error);
    if (state?.code === 'LD001' || (state?.code === '23514' && state.constraint === 'ledger_accounts_floor')) throw new TakeTransactionalPath(state.code);
    // Sets on overlapping but different accounts (a charge and a transfer between two wallets) can meet in
    // PostgreSQL's tuple-lock queue while one statement re-reads a row it locked; PostgreSQL then abandons one
    // of them after deadlock_timeout. Abandoned means nothing was written, so the transactional path retries it.
    if (state?.code === '40P01') throw new TakeTransactionalPath(state.code);
    throw error;
  }
}

/**
 * `applied` (the sets whose row went in), `changes` (their summed effect per account), the lock, `updated` and
 * the entries. An entry's balance and version are its account's final state less what its own set's later
 * transfers and every later applied set moved. The lock waits for every row written before it (so the hot
 * rows stay locked only for the balance update, the entries and the commit) and takes nothing when no set
 * went in (a concurrent request with the same key waits on the key's unique index first, then finds its set
 * row missing and replays).
 */
function balanceCtes(plans: PlannedSet[], written: NamedCte[]): SQL {
  const applied = sql.join(plans.map((_, i) => sql`select ${i}::int as idx from ${sql.raw(`s${i}`)}`), sql` union all `);
  const perSet = plans.flatMap((plan, i) => [...plan.deltas].map(([id, d]) => sql`(${i}::int, ${text(id)}, ${int8(d.balance)}, ${int8(d.held)}, ${int8(d.entries)})`));
  const entries = plans.flatMap((plan, i) =>
    plan.entries.map(
      (e) =>
        sql`(${i}::int, ${text(e.id)}, ${text(e.partnerId)}, ${text(e.accountId)}, ${text(e.transferId)}, ${int8(e.amount)}, ${int8(e.afterAmount)}, ${int8(e.afterCount)}, ${text(e.kind)}, ${e.objectId}::text, ${e.createdAt.toISOString()}::timestamptz)`,
    ),
  );
  const ids = [...new Set(plans.flatMap((plan) => [...plan.deltas.keys()]))];
  const everyRow = sql.join(written.map(({ name }) => sql`(select count(*) from ${sql.raw(name)})`), sql` + `);
  const changes = sql`select p.id, sum(p.balance)::bigint, sum(p.held)::bigint, sum(p.entries)::bigint, false from per_set p join applied a on a.idx = p.idx group by p.id`;
  return sql`applied as (${applied}),
      per_set(idx, id, balance, held, entries) as (values ${list(perSet)}),
      ${lockAndUpdateCtes(ids, changes, { floor: 'check', gate: sql`exists (select 1 from applied) and ${everyRow} > 0` })},
      written as (
        insert into ledger_entries (id, partner_id, account_id, transfer_id, amount, balance_after, account_version, kind, object_id, created_at)
        select v.id, v.partner_id, v.account_id, v.transfer_id, v.amount,
          u.balance - v.after_amount - coalesce(later.balance, 0), u.version - v.after_count - coalesce(later.entries, 0),
          v.kind::ledger_transfer_kind, v.object_id, v.created_at
        from (values ${list(entries)}) as v(idx, id, partner_id, account_id, transfer_id, amount, after_amount, after_count, kind, object_id, created_at)
        join applied a on a.idx = v.idx
        join updated u on u.id = v.account_id
        left join lateral (
          select sum(p.balance)::bigint as balance, sum(p.entries)::bigint as entries from per_set p join applied la on la.idx = p.idx
          where p.id = v.account_id and p.idx > v.idx
        ) later on true
      )`;
}
