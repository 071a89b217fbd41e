import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { maskingAllocations, numbers } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { isUniqueViolation } from '@/lib/errors/postgres';

/** The client's masking pool: its assigned numbers flagged for masking (index numbers_masking_pool_idx). */
export function poolNumbers(tx: Tx, partnerId: string, clientId: string) {
  return tx
    .select({ id: numbers.id, e164: numbers.e164 })
    .from(numbers)
    .where(and(eq(numbers.partnerId, partnerId), eq(numbers.clientId, clientId), eq(numbers.masking, true), eq(numbers.status, 'assigned')))
    .orderBy(asc(numbers.id));
}

/**
 * How many pool numbers a new session between these parties needs: a party reaches at most one open session
 * through one number, so the busiest party's open sessions plus this one.
 */
async function numbersNeeded(tx: Tx, poolIds: string[], parties: string[]): Promise<number> {
  if (!poolIds.length) return 1;
  const rows = await tx
    .select({ party: maskingAllocations.party, open: count() })
    .from(maskingAllocations)
    .where(and(inArray(maskingAllocations.numberId, poolIds), inArray(maskingAllocations.party, parties), isNull(maskingAllocations.releasedAt)))
    .groupBy(maskingAllocations.party);
  return Math.max(0, ...rows.map((row) => Number(row.open))) + 1;
}

/**
 * Takes a pool number on which neither party is in another open session, for `sessionId`. The partial unique
 * index masking_allocations_active_key decides races: both pairs are inserted with ON CONFLICT DO NOTHING
 * (which waits for a concurrent insert of the same pair to commit or roll back), and when either pair was
 * taken meanwhile the other is given back and the next number is tried. `claim` writes the session row for
 * each number tried (its allocations reference it). Throws 409 `pool_exhausted` with the
 * pool's size and the size it needs when no number is free.
 */
export async function allocatePoolNumber(tx: Tx, input: { partnerId: string; clientId: string; sessionId: string; parties: [string, string]; claim: (number: { id: string; e164: string }) => Promise<void> }): Promise<{ id: string; e164: string }> {
  const pool = await poolNumbers(tx, input.partnerId, input.clientId);
  const busy = pool.length
    ? await tx
        .select({ numberId: maskingAllocations.numberId })
        .from(maskingAllocations)
        .where(and(inArray(maskingAllocations.numberId, pool.map((n) => n.id)), inArray(maskingAllocations.party, input.parties), isNull(maskingAllocations.releasedAt)))
    : [];
  const taken = new Set(busy.map((row) => row.numberId));
  for (const candidate of pool.filter((n) => !taken.has(n.id))) {
    // The session row names its number before its pairs reference it.
    await input.claim(candidate);
    const inserted = await tx
      .insert(maskingAllocations)
      .values(input.parties.map((party) => ({ sessionId: input.sessionId, numberId: candidate.id, party })))
      .onConflictDoNothing({ target: [maskingAllocations.numberId, maskingAllocations.party], where: sql`${maskingAllocations.releasedAt} is null` })
      .returning({ id: maskingAllocations.id });
    if (inserted.length === input.parties.length) return candidate;
    if (inserted.length) await tx.delete(maskingAllocations).where(inArray(maskingAllocations.id, inserted.map((row) => row.id)));
  }
  const needed = await numbersNeeded(tx, pool.map((n) => n.id), input.parties);
  const size = pool.length;
  const message = size
    ? `No number of this client’s masking pool is free for both parties: the pool has ${size} and needs at least ${Math.max(needed, size + 1)}. Add ${Math.max(needed, size + 1) - size} more to the pool, or end a session of one of these parties.`
    : 'This client has no masking pool yet: mark at least one of its numbers for masking.';
  throw new AppError('pool_exhausted', message, undefined, undefined, { pool_size: size, numbers_needed: Math.max(needed, size + 1) });
}

const partyInUse = (party: string, field?: string) => new AppError('party_in_use', `${party} already reaches another open session through this virtual number; end that session first.`, field ? { [field]: 'This number already reaches another open session through this virtual number.' } : undefined);

/**
 * Swaps one party of an open session on its number; 409 `party_in_use` when the new party already holds that
 * number elsewhere. The number's row is locked first so that two sessions moving the same new party onto it
 * take turns (the second then sees the first's pair); a session being created meanwhile takes pairs without
 * that lock, so the partial unique index still has the last word and its violation answers the same 409.
 */
export async function reallocateParty(tx: Tx, input: { sessionId: string; numberId: string; from: string; to: string; field?: string }): Promise<void> {
  if (input.from === input.to) return;
  await tx.select({ id: numbers.id }).from(numbers).where(eq(numbers.id, input.numberId)).for('update');
  const [clash] = await tx
    .select({ id: maskingAllocations.id })
    .from(maskingAllocations)
    .where(and(eq(maskingAllocations.numberId, input.numberId), eq(maskingAllocations.party, input.to), isNull(maskingAllocations.releasedAt)))
    .limit(1);
  if (clash) throw partyInUse(input.to, input.field);
  try {
    await tx
      .update(maskingAllocations)
      .set({ party: input.to })
      .where(and(eq(maskingAllocations.sessionId, input.sessionId), eq(maskingAllocations.party, input.from), isNull(maskingAllocations.releasedAt)));
  } catch (error) {
    if (isUniqueViolation(error, 'masking_allocations_active_key')) throw partyInUse(input.to, input.field);
    throw error;
  }
}
