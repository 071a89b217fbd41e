import { inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { ledgerAccounts, type LedgerUnit } from '@/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { formatAmount } from './format';
import type { Delta } from './apply-deltas';

const whose = (kind: string) => (kind.startsWith('client_') ? 'client' : 'partner');

const balanceName: Record<string, string> = {
  client_wallet: 'The client’s wallet',
  client_days: 'The client’s days',
  client_points: 'The client’s points',
  partner_prepaid: 'Your prepaid balance',
  partner_days: 'Your day balance',
  partner_points: 'Your points pool',
  workspace_points: 'The workspace’s points',
};

/**
 * The error for a set refused by a floor: which side lacks funds (the client's or the partner's) and by how
 * much. Read only to explain the refusal; the transaction is abandoned, so nothing read here decides anything.
 */
export async function insufficientFunds(tx: Tx, accountIds: string[], deltas: Map<string, Delta>): Promise<AppError> {
  const rows = await tx.select().from(ledgerAccounts).where(inArray(ledgerAccounts.id, accountIds)).orderBy(ledgerAccounts.kind);
  // The client's shortfall is reported first: it is what the partner can fix by topping the client up.
  const account = rows.find((row) => whose(row.kind) === 'client') ?? rows[0];
  if (!account) return new AppError('conflict', 'An account of this transfer does not exist.');
  const delta = deltas.get(account.id)!;
  const shortfall = (account.minBalance ?? 0n) - (account.balance + delta.balance - (account.held + delta.held));
  return insufficientFundsError(whose(account.kind), account.kind, account.unit, shortfall);
}

export function insufficientFundsError(side: 'client' | 'partner', kind: string, unit: LedgerUnit, shortfall: bigint): AppError {
  const code = side === 'client' ? 'client_insufficient_funds' : 'partner_insufficient_funds';
  return new AppError(code, `${balanceName[kind] ?? 'The balance'} lacks ${formatAmount(shortfall, unit)} for this; nothing was charged.`, undefined, undefined, {
    shortfall: Number(shortfall),
    unit,
  });
}
