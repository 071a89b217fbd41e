import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm, ActionSelectField } from '@/components/console/action-form';
import { FlowFields } from '@/components/flows/flow-fields';
import { FlowsTable } from '@/components/flows/flows-table';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { clientChoices } from '@/lib/agents/form-choices';
import { requireConsoleSession } from '@/lib/auth/session';
import { listVoiceBots } from '@/lib/bots/manage-bots';
import { flowRows } from '@/lib/flows/flow-table-rows';
import { listFlows } from '@/lib/flows/manage-flows';
import { listRecordings } from '@/lib/recordings/manage-recordings';
import { cursorPagination, parseCursorParams, parseTableParams, type SearchParams } from '@/lib/tables/table-params';
import { createFlowAction } from './actions';

export const metadata: Metadata = { title: 'Flows' };

export default async function FlowsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { dataCtx, user, environment } = await requireConsoleSession();
  const query = await searchParams;
  const table = parseTableParams(query, { sortable: ['createdAt'], defaultSort: { id: 'createdAt', desc: true }, pageSizes: [20, 50, 100] });
  const cursor = parseCursorParams(query);
  const canManage = user.role !== 'member';
  const [page, clients, recordings, bots] = await Promise.all([
    listFlows(dataCtx, { ...cursor, limit: table.pageSize }),
    clientChoices(dataCtx),
    canManage ? listRecordings(dataCtx, { limit: 100 }) : { data: [] },
    canManage ? listVoiceBots(dataCtx, { limit: 100 }) : { data: [] },
  ]);
  const clientNames = new Map(clients.map((client) => [client.id, client.name]));
  const rows = await flowRows(dataCtx, page.data, clientNames);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Flows"
        description="What a call to a client’s number does: working hours, a welcome, a voice bot or an agent, and where it goes when nobody answers. Each number runs one flow; open a flow to map it, preview it or ring it."
        actions={
          <>
            <Badge tone={environment === 'test' ? 'warning' : 'success'}>{environment === 'test' ? 'Viewing test data' : 'Viewing live data'}</Badge>
            <Link href="/flows/calls" className={buttonClasses({ variant: 'secondary' })}>
              Calls through flows
            </Link>
          </>
        }
      />
      <FlowsTable data={rows} total={rows.length} page={1} pageSize={table.pageSize} sort={table.sort} pageSizes={[20, 50, 100]} cursor={cursorPagination(cursor, page)} emptyMessage={`No flows yet${environment === 'test' ? ' in test mode' : ''}.`} />
      {canManage && clients.length ? (
        <Card title="Add a flow" description="Map it to one of the client’s numbers afterwards, on the flow’s page.">
          <ActionForm action={createFlowAction} className="grid gap-4 sm:grid-cols-2">
            <ActionSelectField label="Client" name="clientId" required options={clients.map((client) => ({ value: client.id, label: client.name }))} />
            <FlowFields recordings={recordings.data.map((r) => ({ value: r.id, label: `${r.name} (${clientNames.get(r.clientId) ?? ''})` }))} bots={bots.data.map((b) => ({ value: b.id, label: `${b.name} (${clientNames.get(b.clientId) ?? ''})` }))} />
            <div className="sm:col-span-2">
              <SubmitButton pendingLabel="Creating…">Create flow</SubmitButton>
            </div>
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
