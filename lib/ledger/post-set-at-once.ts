import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import type { Ctx } from '@/lib/audit/context';
import type { NamedCte } from '@/lib/events/event-rows-sql';
import { sqlStateOf } from '@/lib/errors/postgres';
import { appliedAccounts, deltaCtes, type AppliedRow } from './apply-deltas';
import { planSet, replay, setAndTransfersSql, type PostedSet, type SetRequest } from './post-set';
import { preparedRows } from './sql-rows';

/** Thrown when the set must be posted the full way (postSet in a transaction); nothing was written. */
export class TakeTransactionalPath extends Error {}

/**
 * Posts a set in one statement outside any transaction, so PostgreSQL commits it the moment it is done: the
 * set, its transfers, the caller's rows that go with it (`withSet`: CTE bodies reading the set from `s`), the
 * balances and the entries. The accounts are locked last in the statement, in id order, and held only until
 * that statement's own commit — no round trip to the application while the hot rows are locked, which is what
 * bounds charges per second on one wallet.
 *
 * All or nothing by construction: an account that would go below its floor fails the table's floor CHECK, and
 * a set that crosses a low-balance threshold calls ledger_abort (its alert and e-mail are written by
 * application code in postSet's transaction); either abandons the whole statement, and the caller then takes
 * the transactional path, which gives the authoritative answer (the shortfall, or the alert, under the lock).
 * A key already used is replayed as postSet replays it.
 */
export async function postSetAtOnce(db: Db, ctx: Ctx, request: SetRequest, accountIds: Map<string, string>, withSet: (setId: string) => NamedCte[] = () => []): Promise<PostedSet> {
  const plan = planSet(ctx, request, accountIds);
  const { set, transfers } = setAndTransfersSql(ctx, request, plan);
  const written = [{ name: 't', body: transfers }, ...withSet(plan.setId)];
  const extras = written.map(({ name, body }) => sql`, ${sql.raw(name)} as (${body})`);
  // Lock last: only once the set row is in (a concurrent request with the same key waits on the key's unique
  // index first, then finds `s` empty, locks nothing and replays) and every other row is written, so the hot
  // rows stay locked only for the balance update, the entries and the commit.
  const everyRow = sql.join(written.map(({ name }) => sql`(select count(*) from ${sql.raw(name)})`), sql` + `);
  const deltas = deltaCtes(plan.deltas, plan.entries, { floor: 'check', gate: sql`exists (select 1 from s) and ${everyRow} > 0` });
  let rows: (AppliedRow & { before: string })[];
  try {
    rows = await preparedRows(
      db,
      sql`with s as (${set})${sql.join(extras, sql``)}, ${deltas}
        select u.id, u.balance::text as balance, u.held::text as held, u.version::text as version, u.low_balance_threshold::text as low_balance_threshold, (u.balance - c.balance)::text as before,
          case when u.low_balance_threshold is not null and u.balance - c.balance >= u.low_balance_threshold and u.balance - u.held < u.low_balance_threshold
            then ledger_abort('low_balance_crossing') end as abandoned
        from updated u join changes c on c.id = u.id`,
    );
  } catch (error) {
    const state = sqlStateOf(error);
    if (state?.code === 'LD001' || (state?.code === '23514' && state.constraint === 'ledger_accounts_floor')) throw new TakeTransactionalPath(state.code);
    // Sets on overlapping but different accounts (a charge and a transfer between two wallets) can meet in
    // PostgreSQL's tuple-lock queue while one statement re-reads a row it locked; PostgreSQL then abandons one
    // of them after deadlock_timeout. Abandoned means nothing was written, so the transactional path retries it.
    if (state?.code === '40P01') throw new TakeTransactionalPath(state.code);
    throw error;
  }
  if (!rows.length) {
    if (!request.idempotencyKey) throw new Error('A ledger set without a key was not inserted.');
    return replay(db, request, plan.digest);
  }
  const applied = appliedAccounts(rows);
  const before = new Map(rows.map((row) => [row.id, BigInt(row.before)]));
  const accounts = new Map([...applied].map(([id, row]) => [id, { ...row, before: before.get(id)! }]));
  return { setId: plan.setId, transfers: plan.transfers, replayed: false, accounts, accountIds };
}
