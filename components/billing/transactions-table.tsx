'use client';

import { Time } from '@/components/console/time';
import { createDataTableColumnHelper, DataTable, type DataTableProps } from '@/components/ui/data-table';

/** One statement line, with amounts already formatted on the server (bigint does not cross to the browser). */
export type TransactionRow = {
  id: string;
  createdAt: Date;
  kind: string;
  what: string;
  number: string | null;
  amount: string;
  credit: boolean;
  balanceAfter: string;
  memo: string | null;
};

const kindLabels: Record<string, string> = { top_up: 'Credit', charge: 'Charge', refund: 'Refund', purchase: 'Purchase', allocation: 'Allocation', reclaim: 'Reclaim', adjustment: 'Adjustment', expiry: 'Expiry' };

const column = createDataTableColumnHelper<TransactionRow>();

const columns = [
  column.accessor('createdAt', { header: 'Time', enableSorting: false, cell: ({ getValue }) => <Time value={getValue()} /> }),
  column.accessor('kind', { header: 'Type', enableSorting: false, cell: ({ getValue }) => kindLabels[getValue()] ?? getValue() }),
  column.accessor('what', {
    header: 'For',
    enableSorting: false,
    cell: ({ row }) => (
      <span>
        {row.original.what}
        {row.original.number ? <span className="block font-mono text-xs text-slate-500">{row.original.number}</span> : null}
        {row.original.memo ? <span className="block text-xs text-slate-500">{row.original.memo}</span> : null}
      </span>
    ),
  }),
  column.accessor('amount', {
    header: 'Amount',
    enableSorting: false,
    meta: { className: 'text-right tabular-nums' },
    cell: ({ row }) => <span className={row.original.credit ? 'text-emerald-700' : undefined}>{row.original.amount}</span>,
  }),
  column.accessor('balanceAfter', { header: 'Balance after', enableSorting: false, meta: { className: 'text-right tabular-nums' } }),
];

export function TransactionsTable(props: Omit<DataTableProps<TransactionRow>, 'columns' | 'caption' | 'getRowId'>) {
  return <DataTable {...props} columns={columns} caption="Transactions" getRowId={(row) => row.id} />;
}
