import type { Metadata } from 'next';
import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import type { Flow } from '@/lib/flows/manage-flows';
import { clientChoices } from '@/lib/agents/form-choices';
import { requireConsoleSession } from '@/lib/auth/session';
import { listVoiceBots } from '@/lib/bots/manage-bots';
import { listFlowCalls } from '@/lib/flows/flow-calls';
import { listFlows } from '@/lib/flows/manage-flows';
import { mappingHistory } from '@/lib/flows/map-flow';
import { previewFlow } from '@/lib/flows/preview';
import { listNumbers } from '@/lib/numbers/client-numbers';
import { listRecordings } from '@/lib/recordings/manage-recordings';
import { createFlowAction, mapFlowAction, simulateFlowCallAction, updateFlowAction } from './actions';

export const metadata: Metadata = { title: 'Flows' };

type Choice = { value: string; label: string };

function FlowFields({ flow, recordings, bots }: { flow?: Flow; recordings: Choice[]; bots: Choice[] }) {
  return (
    <>
      <ActionTextField label="Name" name="name" required={!flow} defaultValue={flow?.name} autoComplete="off" maxLength={100} />
      <ActionTextField label="Agent extension" name="agentExtension" required={!flow} defaultValue={flow?.agentExtension} autoComplete="off" inputMode="numeric" hint="The client’s agent who takes the calls." />
      <ActionTextField label="Transfer to" name="transferTo" defaultValue={flow?.transferTo ?? ''} autoComplete="off" placeholder="+919876543210 or 2002" hint="When the agent does not answer, is busy or away, or the bot fails." />
      <ActionSelectField label="Welcome recording" name="welcomeRecordingId" defaultValue={flow?.welcomeRecordingId ?? ''} options={[{ value: '', label: 'None' }, ...recordings]} />
      <ActionSelectField label="Voice bot first" name="botId" defaultValue={flow?.botId ?? ''} options={[{ value: '', label: 'None' }, ...bots]} hint="Needs a transfer target for when it fails." />
    </>
  );
}

export default async function FlowsPage() {
  const { dataCtx, user, environment } = await requireConsoleSession();
  const [flows, clients, numbers, recordings, bots, calls] = await Promise.all([listFlows(dataCtx, { limit: 50 }), clientChoices(dataCtx), listNumbers(dataCtx, { limit: 100 }), listRecordings(dataCtx, { limit: 100 }), listVoiceBots(dataCtx, { limit: 100 }), listFlowCalls(dataCtx, { limit: 20 })]);
  const clientNames = new Map(clients.map((client) => [client.id, client.name]));
  const canManage = user.role !== 'member';
  const details = await Promise.all(flows.data.map(async (flow) => ({ flow, preview: await previewFlow(dataCtx, flow.id), mappings: await mappingHistory(dataCtx, { flowId: flow.id }, 5) })));
  const assigned = numbers.data.filter((n) => n.status === 'active' || n.status === 'suspended');
  return (
    <div className="space-y-6">
      <PageHeader title="Flows" description="What a call to a client’s number does: working hours, a welcome, a voice bot or an agent, and where it goes when nobody answers." actions={<Badge tone={environment === 'test' ? 'warning' : 'success'}>{environment === 'test' ? 'Viewing test data' : 'Viewing live data'}</Badge>} />
      <Card title="Call flows" description="Each number runs one flow; mapping another replaces it and keeps the history.">
        {details.length === 0 ? (
          <p className="text-sm text-slate-600">No flows yet{environment === 'test' ? ' in test mode' : ''}.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {details.map(({ flow, preview, mappings }) => {
              const clientNumbers = assigned.filter((n) => n.clientId === flow.clientId).map((n) => ({ value: n.id, label: n.display }));
              const current = mappings.find((m) => m.unmappedAt === null);
              return (
                <li key={flow.id} className="grid gap-4 py-4 lg:grid-cols-2" data-flow={flow.name}>
                  <div className="space-y-2 text-sm">
                    <p className="font-medium text-slate-900">
                      {flow.name} <span className="font-normal text-slate-600">· {clientNames.get(flow.clientId) ?? '—'} · {current ? `runs on ${current.number}` : 'on no number'}</span>
                    </p>
                    <p className="text-xs font-medium text-slate-700">A call arriving now{preview.number ? ` at ${preview.number}` : ''}:</p>
                    <ol className="list-decimal space-y-0.5 pl-5 text-xs text-slate-700">
                      {preview.steps.map((step, index) => (
                        <li key={index}>{step.text}</li>
                      ))}
                    </ol>
                    {mappings.length > 1 ? <p className="text-xs text-slate-600">Earlier: {mappings.filter((m) => m.unmappedAt).map((m) => `${m.number} until ${m.unmappedAt!.toISOString().slice(0, 16).replace('T', ' ')}`).join('; ')}</p> : null}
                  </div>
                  {canManage ? (
                    <div className="space-y-3">
                      <ActionForm action={mapFlowAction} className="flex items-end gap-2">
                        <input type="hidden" name="flowId" value={flow.id} />
                        <ActionSelectField label="Run on number" name="number" required options={clientNumbers} className="flex-1" />
                        <SubmitButton size="sm" variant="secondary" pendingLabel="Mapping…">Map</SubmitButton>
                      </ActionForm>
                      {current ? (
                        <ActionForm action={simulateFlowCallAction} className="flex flex-wrap items-end gap-2">
                          <input type="hidden" name="number" value={current.numberId} />
                          <ActionSelectField label="The agent" name="agent" options={[{ value: 'answer', label: 'answers' }, { value: 'no_answer', label: 'does not answer' }, { value: 'busy', label: 'is busy' }]} />
                          {flow.botId ? <ActionSelectField label="The bot" name="bot" options={[{ value: 'handles', label: 'handles it' }, { value: 'fails', label: 'fails' }]} /> : null}
                          <SubmitButton size="sm" variant="secondary" pendingLabel="Ringing…">Ring {current.number}</SubmitButton>
                        </ActionForm>
                      ) : null}
                      <details>
                        <summary className="cursor-pointer text-xs text-slate-700">Edit</summary>
                        <ActionForm action={updateFlowAction} className="mt-2 grid gap-3 sm:grid-cols-2">
                          <input type="hidden" name="flowId" value={flow.id} />
                          <FlowFields flow={flow} recordings={recordings.data.filter((r) => r.clientId === flow.clientId).map((r) => ({ value: r.id, label: r.name }))} bots={bots.data.filter((b) => b.clientId === flow.clientId).map((b) => ({ value: b.id, label: b.name }))} />
                          <div className="sm:col-span-2">
                            <SubmitButton size="sm" pendingLabel="Saving…">Save</SubmitButton>
                          </div>
                        </ActionForm>
                      </details>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <Card title="Recent calls through flows" description="Each call’s path, newest first.">
        {calls.data.length === 0 ? (
          <p className="text-sm text-slate-600">No calls yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" aria-label="Flow calls">
            {calls.data.map((call) => (
              <li key={call.id} className="py-2">
                <span className="font-medium">{call.number}</span> · {call.startedAt.toISOString().slice(0, 16).replace('T', ' ')} · <Badge tone={call.outcome === 'agent' || call.outcome === 'bot' ? 'success' : 'neutral'}>{call.outcome ?? call.status}</Badge>
                <p className="text-xs text-slate-600" data-path>{call.path.map((step) => step.step).join(' → ')}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {canManage && clients.length ? (
        <Card title="Add a flow" description="Map it to one of the client’s numbers afterwards.">
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
