import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AgentFields } from '@/components/agents/agent-fields';
import { availabilityLabel, availabilityTone } from '@/components/agents/availability';
import { AvailabilityToggle } from '@/components/agents/availability-toggle';
import { ActionForm } from '@/components/console/action-form';
import { ConfirmAction } from '@/components/console/confirm-action';
import { Time } from '@/components/console/time';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { SubmitButton } from '@/components/ui/submit-button';
import { todayCounters } from '@/lib/agents/agent-view';
import { managerChoices } from '@/lib/agents/form-choices';
import { getAgent } from '@/lib/agents/manage-agents';
import { requireConsoleSession } from '@/lib/auth/session';
import { getClient } from '@/lib/clients/manage-clients';
import { AppError } from '@/lib/errors/app-error';
import { deactivateAgentAction, setAvailabilityAction, updateAgentAction } from '../actions';

export const metadata: Metadata = { title: 'Agent' };

export default async function AgentPage({ params }: { params: Promise<{ agentId: string }> }) {
  const { agentId } = await params;
  const { dataCtx, user } = await requireConsoleSession();
  const agent = await getAgent(dataCtx, agentId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const [client, managers] = await Promise.all([getClient(dataCtx, agent.clientId), managerChoices(dataCtx, agent.clientId)]);
  const counters = todayCounters(agent);
  const canManage = user.role !== 'member' && agent.status === 'active';
  return (
    <div className="space-y-6">
      <Card
        title={agent.name}
        description={
          <>
            Extension <span className="font-mono">{agent.extension}</span> of <Link href={`/clients/${client.id}/agents`} className="underline">{client.name}</Link>
          </>
        }
      >
        <dl className="grid gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-600">Availability</dt>
            <dd>{agent.status === 'inactive' ? <Badge tone="neutral">deactivated</Badge> : <Badge tone={availabilityTone[agent.availability]}>{availabilityLabel[agent.availability]}</Badge>}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Since</dt>
            <dd><Time value={agent.availabilitySince} /></dd>
          </div>
          <div>
            <dt className="text-slate-600">Calls today</dt>
            <dd className="tabular-nums">{counters.callsToday}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Talk time today</dt>
            <dd className="tabular-nums">{Math.round(counters.talkSecondsToday / 60)} min</dd>
          </div>
        </dl>
        {agent.status === 'active' ? (
          <div className="mt-4">
            <AvailabilityToggle agentId={agent.id} agentName={agent.name} availability={agent.availability} queued={agent.queuedAvailability} action={setAvailabilityAction} />
          </div>
        ) : null}
      </Card>
      {canManage ? (
        <Card title="Details">
          <ActionForm action={updateAgentAction} className="grid gap-4 sm:grid-cols-2">
            <input type="hidden" name="agentId" value={agent.id} />
            <AgentFields editing managers={managers.filter((m) => m.value !== agent.id)} defaults={agent} />
            <div className="col-span-full">
              <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
            </div>
          </ActionForm>
        </Card>
      ) : null}
      {canManage ? (
        <Card title="Deactivate" description="The agent goes offline and takes no more calls. Their extension and history stay; this cannot be undone.">
          <ConfirmAction action={deactivateAgentAction} title={`Deactivate ${agent.name}?`} description="They go offline now and can no longer take calls." confirmLabel="Deactivate" fields={{ agentId: agent.id }} triggerLabel="Deactivate agent" triggerVariant="danger" tone="danger" />
        </Card>
      ) : null}
    </div>
  );
}
