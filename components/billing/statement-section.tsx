import type { StatementLine } from '@/lib/ledger/statements';
import { cursorPagination, type CursorParams } from '@/lib/tables/table-params';
import { StatementFilterForm } from './statement-filter-form';
import { toTransactionRows } from './statement-rows';
import { TransactionsTable } from './transactions-table';

/** A statement's filters and its transactions, 25 a page: a partner's prepaid balance, a client's wallet. */
export function StatementSection({ statement, cursor, filters, clearHref }: { statement: { data: StatementLine[]; has_more: boolean }; cursor: CursorParams; filters: Record<string, string>; clearHref: string }) {
  return (
    <div className="space-y-4">
      <StatementFilterForm values={filters} clearHref={clearHref} label="Filter transactions" />
      <TransactionsTable
        data={toTransactionRows(statement.data)}
        total={statement.data.length}
        page={1}
        pageSize={25}
        sort={{ id: 'createdAt', desc: true }}
        cursor={cursorPagination(cursor, statement)}
        emptyMessage={Object.keys(filters).length ? 'No transactions match these filters.' : 'No transactions yet.'}
      />
    </div>
  );
}
