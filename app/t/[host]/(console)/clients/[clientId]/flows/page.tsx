import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ClientTabs } from '@/components/clients/client-tabs';
import { buttonClasses } from '@/components/ui/button';
import { FlowsTable } from '@/components/flows/flows-table';
import { PageHeader } from '@/components/ui/page-header';
import { requireConsoleSession } from '@/lib/auth/session';
import { getClient } from '@/lib/clients/manage-clients';
import { AppError } from '@/lib/errors/app-error';
import { listFlows } from '@/lib/flows/manage-flows';
import { flowRows } from '@/lib/flows/flow-table-rows';
import { cursorPagination, parseCursorParams, parseTableParams, type SearchParams } from '@/lib/tables/table-params';

export const metadata: Metadata = { title: 'Flows' };

type Props = { params: Promise<{ clientId: string }>; searchParams: Promise<SearchParams> };

export default async function ClientFlowsPage({ params, searchParams }: Props) {
  const { clientId } = await params;
  const { dataCtx } = await requireConsoleSession();
  const client = await getClient(dataCtx, clientId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const query = await searchParams;
  const table = parseTableParams(query, { sortable: ['createdAt'], defaultSort: { id: 'createdAt', desc: true }, pageSizes: [20, 50, 100] });
  const cursor = parseCursorParams(query);
  const page = await listFlows(dataCtx, { ...cursor, clientId: client.id, limit: table.pageSize });
  const rows = await flowRows(dataCtx, page.data, new Map([[client.id, client.name]]));
  return (
    <>
      <PageHeader
        title={client.name}
        description="The client’s call flows and the numbers that run them."
        actions={
          <Link href="/flows" className={buttonClasses()}>
            Add or manage flows
          </Link>
        }
      />
      <ClientTabs clientId={client.id} />
      <FlowsTable data={rows} total={rows.length} page={1} pageSize={table.pageSize} sort={table.sort} pageSizes={[20, 50, 100]} cursor={cursorPagination(cursor, page)} emptyMessage="No flows yet." />
    </>
  );
}
