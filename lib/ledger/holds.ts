import { and, eq, isNull, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Tx } from '@/db';
import { ledgerAccounts, ledgerTransfers } from '@/db/schema';
import { systemCtx, type Ctx } from '@/lib/audit/context';
import { AppError } from '@/lib/errors/app-error';
import { isUniqueViolation } from '@/lib/errors/postgres';
import type { AccountKey } from './accounts';
import { postSet, type Leg, type PostedSet, type SetRequest } from './post-set';

/**
 * Reserves money before a slow step (a number purchase that waits on the carrier): every leg is held on its
 * debit account, which the floor counts as spent, until it is posted (whole or in part) or voided, or until
 * `expiresAt`, after which it can only be voided (the worker voids it).
 */
export async function createHold(tx: Tx, ctx: Ctx, request: Omit<SetRequest, 'pending'> & { expiresAt: Date }): Promise<PostedSet> {
  if (request.expiresAt.getTime() <= Date.now()) throw new AppError('validation_failed', 'A hold must time out in the future.');
  return postSet(tx, ctx, { ...request, pending: { expiresAt: request.expiresAt } });
}

const debit = alias(ledgerAccounts, 'debit');
const credit = alias(ledgerAccounts, 'credit');

async function openHolds(tx: Tx, partnerId: string, setId: string) {
  const resolution = alias(ledgerTransfers, 'resolution');
  return tx
    .select({ transfer: ledgerTransfers, debit, credit, resolvedBy: resolution.id })
    .from(ledgerTransfers)
    .innerJoin(debit, eq(debit.id, ledgerTransfers.debitAccountId))
    .innerJoin(credit, eq(credit.id, ledgerTransfers.creditAccountId))
    .leftJoin(resolution, eq(resolution.pendingId, ledgerTransfers.id))
    .where(and(eq(ledgerTransfers.partnerId, partnerId), eq(ledgerTransfers.setId, setId), eq(ledgerTransfers.status, 'pending')))
    .orderBy(ledgerTransfers.id);
}

const keyOf = (account: typeof ledgerAccounts.$inferSelect): AccountKey => ({ partnerId: account.partnerId, kind: account.kind, unit: account.unit, clientId: account.clientId });

export type ResolveHold = {
  partnerId: string;
  setId: string;
  action: 'post' | 'void';
  /** For a post: how much of each held transfer to take (by transfer id); the rest is released. Default: all. */
  amounts?: Record<string, bigint>;
  idempotencyKey?: string | null;
  memo?: string | null;
  now?: Date;
};

/** Posts or voids every transfer of a hold as one linked set; a hold resolves once. */
export async function resolveHold(tx: Tx, ctx: Ctx, input: ResolveHold): Promise<PostedSet> {
  const holds = await openHolds(tx, input.partnerId, input.setId);
  if (!holds.length) throw new AppError('not_found', 'Hold was not found.');
  const now = input.now ?? new Date();
  if (holds.some((h) => h.resolvedBy)) throw new AppError('hold_closed', 'This hold was already posted or voided.');
  if (input.action === 'post' && holds.some((h) => h.transfer.expiresAt && h.transfer.expiresAt <= now)) throw new AppError('hold_closed', 'This hold timed out; it can only be voided.');
  const legs: Leg[] = [];
  for (const { transfer, debit: from, credit: to } of holds) {
    const amount = input.action === 'post' ? (input.amounts?.[transfer.id] ?? transfer.amount) : transfer.amount;
    if (amount > transfer.amount || amount < 0n) throw new AppError('validation_failed', `At most ${transfer.amount} of transfer ${transfer.id} can be posted.`);
    const resolves = { pendingId: transfer.id, heldAmount: transfer.amount, status: input.action === 'post' && amount > 0n ? ('posted' as const) : ('voided' as const) };
    legs.push({
      debit: keyOf(from),
      credit: keyOf(to),
      // A void (or a post of nothing) records the released amount; it writes no entries.
      amount: resolves.status === 'voided' ? transfer.amount : amount,
      kind: transfer.kind,
      clientId: transfer.clientId,
      product: transfer.product,
      objectId: transfer.objectId,
      memo: input.memo ?? null,
      resolves,
    });
  }
  try {
    return await postSet(tx, ctx, { partnerId: input.partnerId, kind: holds[0]!.transfer.kind, legs, idempotencyKey: input.idempotencyKey });
  } catch (error) {
    // Two resolutions raced: the unique index on pending_id let one through.
    if (isUniqueViolation(error, 'ledger_transfers_pending_key')) throw new AppError('hold_closed', 'This hold was already posted or voided.');
    throw error;
  }
}

/** The worker's sweep: voids every hold past its timeout, one set per transaction. Returns how many it voided. */
export async function voidExpiredHolds(now: Date = new Date(), limit = 100): Promise<number> {
  const db = getDb();
  const resolution = alias(ledgerTransfers, 'resolution');
  const due = await db
    .selectDistinct({ setId: ledgerTransfers.setId, partnerId: ledgerTransfers.partnerId })
    .from(ledgerTransfers)
    .leftJoin(resolution, eq(resolution.pendingId, ledgerTransfers.id))
    .where(and(eq(ledgerTransfers.status, 'pending'), lte(ledgerTransfers.expiresAt, now), isNull(resolution.id)))
    .limit(limit);
  let voided = 0;
  for (const hold of due) {
    try {
      await db.transaction((tx) => resolveHold(tx, systemCtx, { ...hold, action: 'void', memo: 'Timed out', now }));
      voided += 1;
    } catch (error) {
      // Posted or voided meanwhile by someone else: nothing left to do for it.
      if (!(error instanceof AppError && error.code === 'hold_closed')) throw error;
    }
  }
  return voided;
}
