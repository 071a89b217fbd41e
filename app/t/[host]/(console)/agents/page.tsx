import type { Metadata } from 'next';
import { AgentFields } from '@/components/agents/agent-fields';
import { AgentsTable, type AgentTableRow } from '@/components/agents/agents-table';
import { ActionForm, ActionSelectField } from '@/components/console/action-form';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { clientChoices, managerChoices } from '@/lib/agents/form-choices';
import { listAgents } from '@/lib/agents/manage-agents';
import { requireConsoleSession } from '@/lib/auth/session';
import { cursorPagination, parseCursorParams, parseTableParams, type SearchParams } from '@/lib/tables/table-params';
import { createAgentAction, setAvailabilityAction } from './actions';
import { ClientFilterField } from '@/components/agents/client-filter-field';

export const metadata: Metadata = { title: 'Agents' };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

export default async function AgentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { dataCtx, user, environment } = await requireConsoleSession();
  const query = await searchParams;
  const table = parseTableParams(query, { sortable: ['createdAt'], defaultSort: { id: 'createdAt', desc: true }, pageSizes: [50, 100] });
  const cursor = parseCursorParams(query);
  const clients = await clientChoices(dataCtx);
  const clientId = clients.find((client) => client.id === first(query.client))?.id;
  const status = first(query.status) === 'inactive' ? 'inactive' : first(query.status) === 'all' ? undefined : 'active';
  const [page, managers] = await Promise.all([listAgents(dataCtx, { ...cursor, limit: table.pageSize, clientId, status }), managerChoices(dataCtx, clientId)]);
  const clientNames = new Map(clients.map((client) => [client.id, client.name]));
  const rows: AgentTableRow[] = page.data.map((agent) => ({
    id: agent.id,
    name: agent.name,
    email: agent.email,
    clientName: clientNames.get(agent.clientId) ?? '—',
    extension: agent.extension,
    permissionGroup: agent.permissionGroup,
    status: agent.status,
    availability: agent.availability,
    queued: agent.queuedAvailability,
  }));
  const canManage = user.role !== 'member';

  return (
    <div className="space-y-6">
      <form method="get" role="search" aria-label="Filter agents" className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <ClientFilterField clients={clients} value={clientId} />
        <FormField label="Status" name="status" className="w-full sm:w-40">
          {(control) => (
            <Select {...control} defaultValue={status ?? 'all'}>
              <option value="active">Active</option>
              <option value="inactive">Deactivated</option>
              <option value="all">All</option>
            </Select>
          )}
        </FormField>
        <button type="submit" className={buttonClasses({ variant: 'secondary' })}>
          Filter
        </button>
      </form>
      <AgentsTable
        data={rows}
        total={rows.length}
        page={1}
        pageSize={table.pageSize}
        sort={table.sort}
        pageSizes={[50, 100]}
        cursor={cursorPagination(cursor, page)}
        setAvailability={setAvailabilityAction}
        emptyMessage={clients.length === 0 ? `No clients yet${environment === 'test' ? ' in test mode' : ''}: agents belong to a client.` : 'No agents match.'}
      />
      {canManage && clients.length ? (
        <Card title="Add an agent" description="The agent starts offline; they, a supervisor or your systems set them available.">
          <ActionForm action={createAgentAction} className="grid gap-4 sm:grid-cols-2">
            <ActionSelectField label="Client" name="clientId" required options={clients.map((client) => ({ value: client.id, label: client.name }))} defaultValue={clientId} />
            <AgentFields managers={managers} />
            <div className="col-span-full">
              <SubmitButton pendingLabel="Adding…">Add agent</SubmitButton>
            </div>
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
