import { and, eq, isNull, or } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { ledgerAccounts, type LedgerAccountKind, type LedgerUnit } from '@/db/schema';

/** Names an account by what it is for; the account itself is created the first time a transfer needs it. */
export type AccountKey = { partnerId: string; kind: LedgerAccountKind; unit: LedgerUnit; clientId?: string | null };

/**
 * Accounts that stand for the outside world or for revenue have no floor: money arrives from a bank through
 * `operator_funding`, a partner's clients pay it outside the platform (`partner_funding`), and a refund may
 * take back revenue. Every balance someone spends from may never go below zero.
 */
const unbounded = new Set<LedgerAccountKind>(['operator_revenue', 'operator_funding', 'partner_revenue', 'partner_funding']);

export const floorOf = (kind: LedgerAccountKind): bigint | null => (unbounded.has(kind) ? null : 0n);

export const accountKeyString = (key: AccountKey) => `${key.partnerId}|${key.kind}|${key.unit}|${key.clientId ?? ''}`;

const matches = (key: AccountKey) =>
  and(
    eq(ledgerAccounts.partnerId, key.partnerId),
    eq(ledgerAccounts.kind, key.kind),
    eq(ledgerAccounts.unit, key.unit),
    key.clientId ? eq(ledgerAccounts.clientId, key.clientId) : isNull(ledgerAccounts.clientId),
  );

/**
 * The ids of these accounts, creating the missing ones. Missing accounts are inserted in one statement in a
 * fixed order, so two transactions creating the same accounts at once wait for each other instead of
 * deadlocking; a conflict means another transaction made it first, and the second look finds it.
 */
export async function resolveAccounts(q: Queryable, keys: AccountKey[]): Promise<Map<string, string>> {
  const wanted = new Map(keys.map((key) => [accountKeyString(key), key]));
  const find = async () => {
    const rows = await q
      .select({ id: ledgerAccounts.id, partnerId: ledgerAccounts.partnerId, kind: ledgerAccounts.kind, unit: ledgerAccounts.unit, clientId: ledgerAccounts.clientId })
      .from(ledgerAccounts)
      .where(or(...[...wanted.values()].map(matches)));
    return new Map(rows.map((row) => [accountKeyString(row), row.id]));
  };
  let found = await find();
  if (found.size < wanted.size) {
    const missing = [...wanted.entries()].filter(([name]) => !found.has(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    await q
      .insert(ledgerAccounts)
      .values(missing.map(([, key]) => ({ partnerId: key.partnerId, clientId: key.clientId ?? null, kind: key.kind, unit: key.unit, minBalance: floorOf(key.kind) })))
      .onConflictDoNothing();
    found = await find();
  }
  return found;
}

/** One account's balance, or zero when it has never been used (it does not exist until then). */
export async function readAccount(q: Queryable, key: AccountKey) {
  const [row] = await q.select().from(ledgerAccounts).where(matches(key)).limit(1);
  return row ?? null;
}
