import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm, ActionSelectField } from '@/components/console/action-form';
import { Time } from '@/components/console/time';
import { FlowCallsTable } from '@/components/flows/flow-calls-table';
import { FlowFields } from '@/components/flows/flow-fields';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireConsoleSession } from '@/lib/auth/session';
import { listVoiceBots } from '@/lib/bots/manage-bots';
import { getClient } from '@/lib/clients/manage-clients';
import { AppError } from '@/lib/errors/app-error';
import { listFlowCalls } from '@/lib/flows/flow-calls';
import { flowCallRows } from '@/lib/flows/flow-table-rows';
import { getFlow } from '@/lib/flows/manage-flows';
import { mappingHistory } from '@/lib/flows/map-flow';
import { previewFlow } from '@/lib/flows/preview';
import { listNumbers } from '@/lib/numbers/client-numbers';
import { listRecordings } from '@/lib/recordings/manage-recordings';
import { cursorPagination, parseCursorParams, parseTableParams, type SearchParams } from '@/lib/tables/table-params';
import { mapFlowAction, simulateFlowCallAction, updateFlowAction } from '../actions';

export const metadata: Metadata = { title: 'Flow' };

type Props = { params: Promise<{ flowId: string }>; searchParams: Promise<SearchParams> };

export default async function FlowPage({ params, searchParams }: Props) {
  const { flowId } = await params;
  const { dataCtx, user } = await requireConsoleSession();
  const flow = await getFlow(dataCtx, flowId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const query = await searchParams;
  const table = parseTableParams(query, { sortable: ['startedAt'], defaultSort: { id: 'startedAt', desc: true }, pageSizes: [20, 50, 100] });
  const cursor = parseCursorParams(query);
  const canManage = user.role !== 'member';
  const [client, preview, mappings, calls, numbers, recordings, bots] = await Promise.all([
    getClient(dataCtx, flow.clientId),
    previewFlow(dataCtx, flow.id),
    mappingHistory(dataCtx, { flowId: flow.id }, 20),
    listFlowCalls(dataCtx, { ...cursor, flowId: flow.id, limit: table.pageSize }),
    canManage ? listNumbers(dataCtx, { clientId: flow.clientId, limit: 100 }) : { data: [] },
    canManage ? listRecordings(dataCtx, { clientId: flow.clientId, limit: 100 }) : { data: [] },
    canManage ? listVoiceBots(dataCtx, { clientId: flow.clientId, limit: 100 }) : { data: [] },
  ]);
  const rows = await flowCallRows(dataCtx, calls.data);
  const current = mappings.find((m) => m.unmappedAt === null);
  const numberChoices = numbers.data.filter((n) => n.clientId === flow.clientId && (n.status === 'active' || n.status === 'suspended')).map((n) => ({ value: n.id, label: n.display }));
  return (
    <div className="space-y-6">
      <PageHeader
        title={flow.name}
        description={
          <>
            A flow of <Link href={`/clients/${client.id}/flows`} className="underline">{client.name}</Link> · {current ? `runs on ${current.number}` : 'on no number'} · <Link href="/flows" className="underline">All flows</Link>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="A call arriving now" description={preview.number ? `At ${preview.number}.` : 'Once the flow runs on a number.'}>
          <ol className="list-decimal space-y-0.5 pl-5 text-sm text-slate-700" aria-label="Preview">
            {preview.steps.map((step, index) => (
              <li key={index}>{step.text}</li>
            ))}
          </ol>
        </Card>
        <Card title="Numbers" description="A number runs one flow; mapping another flow to it replaces this one and keeps the history.">
          {mappings.length ? (
            <ul className="mb-3 space-y-1 text-sm text-slate-700" aria-label="Mapping history">
              {mappings.map((m) => (
                <li key={m.id}>
                  {m.number} from <Time value={m.mappedAt} />
                  {m.unmappedAt ? (
                    <>
                      {' '}
                      until <Time value={m.unmappedAt} />
                    </>
                  ) : (
                    ' (now)'
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          {canManage ? (
            <ActionForm action={mapFlowAction} className="flex items-end gap-2">
              <input type="hidden" name="flowId" value={flow.id} />
              <ActionSelectField label="Run on number" name="number" required options={numberChoices} className="flex-1" />
              <SubmitButton size="sm" variant="secondary" pendingLabel="Mapping…">
                Map
              </SubmitButton>
            </ActionForm>
          ) : null}
        </Card>
      </div>
      {canManage && current ? (
        <Card title="Test call" description="Rings the number in the call simulator: the flow runs as for a real call (path, legs, charges, the agent’s state on the wallboard).">
          <ActionForm action={simulateFlowCallAction} className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="number" value={current.numberId} />
            <ActionSelectField label="The agent" name="agent" options={[{ value: 'answer', label: 'answers' }, { value: 'no_answer', label: 'does not answer' }, { value: 'busy', label: 'is busy' }]} />
            {flow.botId ? <ActionSelectField label="The bot" name="bot" options={[{ value: 'handles', label: 'handles it' }, { value: 'fails', label: 'fails' }]} /> : null}
            <SubmitButton size="sm" variant="secondary" pendingLabel="Ringing…">
              Ring {current.number}
            </SubmitButton>
          </ActionForm>
        </Card>
      ) : null}
      <section className="space-y-2" aria-label="Calls through this flow">
        <h2 className="text-sm font-semibold text-slate-900">Calls through this flow</h2>
        <FlowCallsTable data={rows} total={rows.length} page={1} pageSize={table.pageSize} sort={table.sort} pageSizes={[20, 50, 100]} cursor={cursorPagination(cursor, calls)} emptyMessage="No calls yet." />
      </section>
      {canManage ? (
        <Card title="Edit">
          <ActionForm action={updateFlowAction} className="grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="flowId" value={flow.id} />
            <FlowFields flow={flow} recordings={recordings.data.filter((r) => r.clientId === flow.clientId).map((r) => ({ value: r.id, label: r.name }))} bots={bots.data.filter((b) => b.clientId === flow.clientId).map((b) => ({ value: b.id, label: b.name }))} />
            <div className="sm:col-span-2">
              <SubmitButton size="sm" pendingLabel="Saving…">
                Save
              </SubmitButton>
            </div>
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
