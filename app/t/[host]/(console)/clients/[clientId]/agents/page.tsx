import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AgentsTable, type AgentTableRow } from '@/components/agents/agents-table';
import { Wallboard } from '@/components/agents/wallboard';
import { ClientTabs } from '@/components/clients/client-tabs';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { listAgents } from '@/lib/agents/manage-agents';
import { getWallboard } from '@/lib/agents/wallboard';
import { requireConsoleSession } from '@/lib/auth/session';
import { getClient } from '@/lib/clients/manage-clients';
import { AppError } from '@/lib/errors/app-error';
import { cursorPagination, parseCursorParams, parseTableParams, type SearchParams } from '@/lib/tables/table-params';
import { setAvailabilityAction } from '../../../agents/actions';

export const metadata: Metadata = { title: 'Agents' };

type Props = { params: Promise<{ clientId: string }>; searchParams: Promise<SearchParams> };

export default async function ClientAgentsPage({ params, searchParams }: Props) {
  const { clientId } = await params;
  const query = await searchParams;
  const { dataCtx } = await requireConsoleSession();
  const client = await getClient(dataCtx, clientId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const table = parseTableParams(query, { sortable: ['createdAt'], defaultSort: { id: 'createdAt', desc: true }, pageSizes: [50, 100] });
  const cursor = parseCursorParams(query);
  const [page, board] = await Promise.all([listAgents(dataCtx, { ...cursor, limit: table.pageSize, clientId: client.id }), getWallboard(dataCtx, { clientId: client.id })]);
  const rows: AgentTableRow[] = page.data.map((agent) => ({
    id: agent.id,
    name: agent.name,
    email: agent.email,
    clientName: client.name,
    extension: agent.extension,
    permissionGroup: agent.permissionGroup,
    status: agent.status,
    availability: agent.availability,
    queued: agent.queuedAvailability,
  }));
  return (
    <>
      <PageHeader
        title={client.name}
        description="The client’s agents and their live state."
        actions={
          <Link href={`/agents?client=${encodeURIComponent(client.id)}`} className={buttonClasses()}>
            Add or manage agents
          </Link>
        }
      />
      <ClientTabs clientId={client.id} />
      <div className="space-y-6">
        <Card title="Live">
          <Wallboard streamUrl={`/agents/wallboard/stream?client=${encodeURIComponent(client.id)}`} initial={board} showClient={false} />
        </Card>
        <AgentsTable
          data={rows}
          total={rows.length}
          page={1}
          pageSize={table.pageSize}
          sort={table.sort}
          pageSizes={[50, 100]}
          cursor={cursorPagination(cursor, page)}
          setAvailability={setAvailabilityAction}
          emptyMessage="No agents yet."
        />
      </div>
    </>
  );
}
