import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ClientTabs } from '@/components/clients/client-tabs';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireConsoleSession } from '@/lib/auth/session';
import { getClient } from '@/lib/clients/manage-clients';
import { AppError } from '@/lib/errors/app-error';
import { listFlows } from '@/lib/flows/manage-flows';
import { mappingHistory } from '@/lib/flows/map-flow';

export const metadata: Metadata = { title: 'Flows' };

type Props = { params: Promise<{ clientId: string }> };

export default async function ClientFlowsPage({ params }: Props) {
  const { clientId } = await params;
  const { dataCtx } = await requireConsoleSession();
  const client = await getClient(dataCtx, clientId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const flows = await listFlows(dataCtx, { clientId: client.id, limit: 100 });
  const mapped = await Promise.all(flows.data.map(async (flow) => ({ flow, current: (await mappingHistory(dataCtx, { flowId: flow.id }, 20)).filter((m) => m.unmappedAt === null) })));
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
      <Card title="Flows">
        {mapped.length === 0 ? (
          <p className="text-sm text-slate-600">No flows yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {mapped.map(({ flow, current }) => (
              <li key={flow.id} className="py-2">
                <span className="font-medium text-slate-900">{flow.name}</span> · extension {flow.agentExtension}
                {flow.transferTo ? ` · transfer to ${flow.transferTo}` : ''} · {current.length ? `runs on ${current.map((m) => m.number).join(', ')}` : 'on no number'}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
