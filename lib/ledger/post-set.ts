import { createHash } from 'node:crypto';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable, Tx } from '@/db';
import { ledgerSets, ledgerTransfers, type LedgerTransfer, type LedgerTransferKind } from '@/db/schema';
import type { Ctx } from '@/lib/audit/context';
import { AppError } from '@/lib/errors/app-error';
import { newId } from '@/lib/ids';
import { accountKeyString, resolveAccounts, type AccountKey } from './accounts';
import { applyDeltas, type AppliedAccount, type Delta, type PendingEntry } from './apply-deltas';
import { ledgerNow } from './clock';
import { sqlRows } from './sql-rows';

/** One transfer of a set: `amount` of one unit from the debit account to the credit account. */
export type Leg = {
  debit: AccountKey;
  credit: AccountKey;
  amount: bigint;
  kind: LedgerTransferKind;
  clientId?: string | null;
  product?: string | null;
  objectId?: string | null;
  memo?: string | null;
  reference?: string | null;
  metadata?: Record<string, unknown> | null;
  reversesId?: string | null;
  /** For a post or void: the pending transfer it resolves, and how much of it stays reserved until now. */
  resolves?: { pendingId: string; heldAmount: bigint; status: 'posted' | 'voided' };
};

export type SetRequest = {
  /** The book: a live partner or a sandbox. Every account of every leg must belong to it. */
  partnerId: string;
  kind: LedgerTransferKind;
  legs: Leg[];
  /** Unique per partner: the same key with the same legs replays the first outcome; with others, 409. */
  idempotencyKey?: string | null;
  /** Every leg is a hold: reserved on its debit account until posted or voided, or until it times out. */
  pending?: { expiresAt: Date };
};

export type PostedSet = {
  setId: string;
  transfers: LedgerTransfer[];
  /** True when the key was seen before: nothing moved now, and callers must not repeat side effects. */
  replayed: boolean;
  /** Each touched account after the set (empty on a replay), with what it was before. */
  accounts: Map<string, AppliedAccount & { before: bigint }>;
  accountIds: Map<string, string>;
};

export type PostOptions = {
  /**
   * Runs once the set is known to be new (never on a replay) and before its accounts are locked: the place for
   * rows and events that go with the set but need no balance (a commission, `commission.earned`), so they are
   * written without holding the hot accounts' locks.
   */
  beforeLock?: (setId: string) => Promise<void>;
};

const maxLegs = 20;

function digestOf(request: SetRequest): string {
  const canonical = JSON.stringify({ kind: request.kind, pending: request.pending?.expiresAt.toISOString() ?? null, legs: request.legs }, (_, value) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
  return createHash('sha256').update(canonical).digest('hex');
}

function check(request: SetRequest) {
  if (!request.legs.length || request.legs.length > maxLegs) throw new AppError('validation_failed', `A set has 1 to ${maxLegs} transfers.`);
  for (const leg of request.legs) {
    if (typeof leg.amount !== 'bigint' || leg.amount <= 0n) throw new AppError('validation_failed', 'Every amount must be a positive whole number of the unit’s smallest part.');
    if (leg.debit.unit !== leg.credit.unit) throw new AppError('validation_failed', 'A transfer moves one unit; converting is two linked transfers.');
    // Sandboxes and live partners keep separate books: a set never crosses them.
    if (leg.debit.partnerId !== request.partnerId || leg.credit.partnerId !== request.partnerId) throw new Error('A ledger set may only touch accounts of its own partner book.');
    if (accountKeyString(leg.debit) === accountKeyString(leg.credit)) throw new Error('A transfer needs two different accounts.');
  }
}

/** A set worked out before any statement: its rows, and what it does to each account. */
export type PlannedSet = { setId: string; digest: string; now: Date; transfers: LedgerTransfer[]; deltas: Map<string, Delta>; entries: PendingEntry[] };

/** Checks a request and works out its set's rows, given the ids of its accounts (from resolveAccounts). */
export function planSet(ctx: Ctx, request: SetRequest, accountIds: Map<string, string>): PlannedSet {
  check(request);
  const digest = digestOf(request);
  const setId = newId('ledgerSet');
  const idOf = (key: AccountKey) => accountIds.get(accountKeyString(key))!;

  const deltas = new Map<string, Delta>();
  const delta = (id: string) => {
    let d = deltas.get(id);
    if (!d) deltas.set(id, (d = { balance: 0n, held: 0n, entries: 0 }));
    return d;
  };
  const now = ledgerNow();
  const actorType = ctx.actor.type;
  const actorId = ctx.actor.id ?? null;
  const transfers: LedgerTransfer[] = request.legs.map((leg) => {
    const debitId = idOf(leg.debit);
    const creditId = idOf(leg.credit);
    const status = request.pending ? 'pending' : (leg.resolves?.status ?? 'posted');
    if (leg.resolves) delta(debitId).held -= leg.resolves.heldAmount;
    if (status === 'pending') delta(debitId).held += leg.amount;
    if (status === 'posted') {
      delta(debitId).balance -= leg.amount;
      delta(debitId).entries += 1;
      delta(creditId).balance += leg.amount;
      delta(creditId).entries += 1;
    }
    return {
      id: newId('ledgerTransfer'),
      setId,
      partnerId: request.partnerId,
      unit: leg.debit.unit,
      amount: leg.amount,
      debitAccountId: debitId,
      creditAccountId: creditId,
      kind: leg.kind,
      status,
      pendingId: leg.resolves?.pendingId ?? null,
      expiresAt: request.pending?.expiresAt ?? null,
      reversesId: leg.reversesId ?? null,
      clientId: leg.clientId ?? null,
      product: leg.product ?? null,
      objectId: leg.objectId ?? null,
      memo: leg.memo ?? null,
      reference: leg.reference ?? null,
      metadata: leg.metadata ?? null,
      actorType,
      actorId,
      createdAt: now,
    };
  });

  // Each entry's balance and version, relative to its account's state after the whole set.
  const remaining = new Map([...deltas].map(([id, d]) => [id, { amount: d.balance, count: d.entries }]));
  const entries: PendingEntry[] = [];
  for (const transfer of transfers) {
    if (transfer.status !== 'posted') continue;
    for (const [accountId, amount] of [
      [transfer.debitAccountId, -transfer.amount],
      [transfer.creditAccountId, transfer.amount],
    ] as const) {
      const left = remaining.get(accountId)!;
      left.amount -= amount;
      left.count -= 1;
      entries.push({ id: newId('ledgerEntry'), partnerId: request.partnerId, accountId, transferId: transfer.id, amount, afterAmount: left.amount, afterCount: left.count, kind: transfer.kind, objectId: transfer.objectId, createdAt: now });
    }
  }
  return { setId, digest, now, transfers, deltas, entries };
}

/** The set row and its transfers, inserted from the set's CTE (`s` unless named; empty when the key was taken). */
export function setAndTransfersSql(ctx: Ctx, request: SetRequest, plan: PlannedSet, setCte = 's'): { set: SQL; transfers: SQL } {
  const actorId = ctx.actor.id ?? null;
  return {
    set: sql`insert into ledger_sets (id, partner_id, kind, idempotency_key, request_digest, actor_type, actor_id, created_at)
        values (${plan.setId}, ${request.partnerId}, ${request.kind}, ${request.idempotencyKey ?? null}, ${plan.digest}, ${ctx.actor.type}, ${actorId}, ${plan.now.toISOString()}::timestamptz)
        on conflict do nothing returning id`,
    transfers: sql`insert into ledger_transfers (id, set_id, partner_id, unit, amount, debit_account_id, credit_account_id, kind, status, pending_id, expires_at, reverses_id, client_id, product, object_id, memo, reference, metadata, actor_type, actor_id, created_at)
      select v.id, ${sql.raw(setCte)}.id, v.partner_id, v.unit::ledger_unit, v.amount, v.debit_account_id, v.credit_account_id, v.kind::ledger_transfer_kind, v.status::ledger_transfer_status, v.pending_id, v.expires_at, v.reverses_id, v.client_id, v.product, v.object_id, v.memo, v.reference, v.metadata, v.actor_type::actor_type, v.actor_id, v.created_at
      from ${sql.raw(setCte)}, (values ${sql.join(plan.transfers.map(transferValues), sql`, `)}) as v(id, partner_id, unit, amount, debit_account_id, credit_account_id, kind, status, pending_id, expires_at, reverses_id, client_id, product, object_id, memo, reference, metadata, actor_type, actor_id, created_at)
      returning ledger_transfers.id`,
  };
}

/**
 * Posts a linked set of transfers in the caller's transaction: all of them or, if any account would go below
 * its floor, none (the error says whose balance lacks how much). Three statements: find (or create) the
 * accounts; write the set and its transfers (a concurrent request with the same key waits on the unique index,
 * then replays this one's outcome); lock the accounts in one order, change them and write the entries.
 */
export async function postSet(tx: Tx, ctx: Ctx, request: SetRequest, options: PostOptions = {}): Promise<PostedSet> {
  check(request);
  const accountIds = await resolveAccounts(tx, request.legs.flatMap((leg) => [leg.debit, leg.credit]));
  const plan = planSet(ctx, request, accountIds);
  const { set, transfers } = setAndTransfersSql(ctx, request, plan);

  // The set and its transfers in one statement, before any account is locked (so locks are held briefly). A
  // conflict on the key inserts neither: the other request's set is replayed (or refused) instead. A concurrent
  // request with the same key waits on the unique index until this transaction ends.
  const inserted = await sqlRows<{ id: string }>(tx, sql`with s as (${set}) ${transfers}`);
  if (!inserted.length) {
    if (!request.idempotencyKey) throw new Error('A ledger set without a key was not inserted.');
    return replay(tx, request, plan.digest);
  }
  await options.beforeLock?.(plan.setId);

  const applied = await applyDeltas(tx, plan.deltas, plan.entries);
  const accounts = new Map([...applied].map(([id, row]) => [id, { ...row, before: row.balance - plan.deltas.get(id)!.balance }]));
  return { setId: plan.setId, transfers: plan.transfers, replayed: false, accounts, accountIds };
}

const t = (value: string | null) => sql`${value}::text`;

function transferValues(row: LedgerTransfer): SQL {
  return sql`(${t(row.id)}, ${t(row.partnerId)}, ${t(row.unit)}, ${row.amount.toString()}::bigint, ${t(row.debitAccountId)}, ${t(row.creditAccountId)}, ${t(row.kind)}, ${t(row.status)}, ${t(row.pendingId)}, ${row.expiresAt?.toISOString() ?? null}::timestamptz, ${t(row.reversesId)}, ${t(row.clientId)}, ${t(row.product)}, ${t(row.objectId)}, ${t(row.memo)}, ${t(row.reference)}, ${row.metadata === null ? null : JSON.stringify(row.metadata)}::jsonb, ${t(row.actorType)}, ${t(row.actorId)}, ${row.createdAt.toISOString()}::timestamptz)`;
}

export async function replay(tx: Queryable, request: SetRequest, digest: string): Promise<PostedSet> {
  const [existing] = await tx
    .select()
    .from(ledgerSets)
    .where(and(eq(ledgerSets.partnerId, request.partnerId), eq(ledgerSets.idempotencyKey, request.idempotencyKey!)))
    .limit(1);
  if (!existing) throw new Error('A ledger set conflicted on insert but cannot be found.');
  if (existing.requestDigest !== digest) throw new AppError('ledger_key_conflict', `The key ${request.idempotencyKey} was already used for a different ledger operation; nothing moved.`);
  const transfers = await tx.select().from(ledgerTransfers).where(eq(ledgerTransfers.setId, existing.id)).orderBy(asc(ledgerTransfers.id));
  return { setId: existing.id, transfers, replayed: true, accounts: new Map(), accountIds: new Map() };
}
