import { formatAmount } from '@/lib/ledger/format';
import type { StatementLine } from '@/lib/ledger/statements';
import { products, type Product } from '@/lib/prices/products';
import type { LedgerUnit } from '@/lib/ledger/format';
import type { TransactionRow } from './transactions-table';

const productName = (code: string | null) => (code && code in products ? products[code as Product].name : null);

/** Statement lines as table rows, amounts formatted here (on the server) in Indian grouping. */
export function toTransactionRows(lines: StatementLine[], unit: LedgerUnit = 'inr'): TransactionRow[] {
  return lines.map((line) => ({
    id: line.id,
    createdAt: line.createdAt,
    kind: line.kind,
    what: productName(line.product) ?? (line.reference ? `Payment ${line.reference}` : line.kind === 'top_up' ? 'Credits added' : '—'),
    number: line.objectId,
    amount: `${line.amount < 0n ? '−' : '+'}${formatAmount(line.amount < 0n ? -line.amount : line.amount, unit)}`,
    credit: line.amount > 0n,
    balanceAfter: formatAmount(line.balanceAfter, unit),
    memo: line.memo,
  }));
}
