import type { Metadata } from 'next';
import Link from 'next/link';
import { FlowCallsTable } from '@/components/flows/flow-calls-table';
import { PageHeader } from '@/components/ui/page-header';
import { requireConsoleSession } from '@/lib/auth/session';
import { listFlowCalls } from '@/lib/flows/flow-calls';
import { flowCallRows } from '@/lib/flows/flow-table-rows';
import { cursorPagination, parseCursorParams, parseTableParams, type SearchParams } from '@/lib/tables/table-params';

export const metadata: Metadata = { title: 'Calls through flows' };

export default async function FlowCallsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { dataCtx, environment } = await requireConsoleSession();
  const query = await searchParams;
  const table = parseTableParams(query, { sortable: ['startedAt'], defaultSort: { id: 'startedAt', desc: true }, pageSizes: [20, 50, 100] });
  const cursor = parseCursorParams(query);
  const page = await listFlowCalls(dataCtx, { ...cursor, limit: table.pageSize });
  const rows = await flowCallRows(dataCtx, page.data);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Calls through flows"
        description={
          <>
            Each call’s path through its number’s flow, newest first. <Link href="/flows" className="underline">Back to flows</Link>
          </>
        }
      />
      <FlowCallsTable data={rows} total={rows.length} page={1} pageSize={table.pageSize} sort={table.sort} pageSizes={[20, 50, 100]} cursor={cursorPagination(cursor, page)} emptyMessage={`No calls yet${environment === 'test' ? ' in test mode' : ''}.`} />
    </div>
  );
}
