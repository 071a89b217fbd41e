import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import { ActionForm } from '@/components/console/action-form';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireConsoleSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { getTemplate } from '@/lib/provisioning/templates';
import { upgradeClients } from '@/lib/provisioning/upgrade';
import { upgradeAction } from '../../actions';

export const metadata: Metadata = { title: 'Upgrade clients' };

/** Every installed client's dry run for the latest version, with an upgrade button per client. */
export default async function UpgradeTemplatePage({ params }: { params: Promise<{ templateId: string }> }) {
  const { templateId } = await params;
  const { dataCtx } = await requireConsoleSession();
  const template = await getTemplate(dataCtx, templateId).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === 'not_found' || error.code === 'conflict')) notFound();
    throw error;
  });
  const report = await upgradeClients(dataCtx, template.id, { dry_run: true });
  return (
    <>
      <PageHeader title={`Upgrade “${template.name}” to v${report.version}`} description="What upgrading each installed client would do. Items edited in a client are kept unless you choose otherwise on its install page." />
      <Card title="Installed clients">
        {report.results.length === 0 ? (
          <p className="text-sm text-slate-600">No client has this template installed.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Clients</caption>
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-2 font-medium">Client</th>
                <th scope="col" className="py-2 font-medium">Installed</th>
                <th scope="col" className="py-2 font-medium">Status</th>
                <th scope="col" className="py-2 font-medium">Items</th>
                <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {report.results.map((result) => (
                <tr key={result.clientId} data-testid={`upgrade-${result.clientId}`}>
                  <td className="py-2 font-medium">{result.clientName}</td>
                  <td className="py-2">v{result.fromVersion}</td>
                  <td className="py-2"><Badge tone={result.status === 'would_upgrade' ? 'info' : 'neutral'}>{result.status.replace('_', ' ')}</Badge></td>
                  <td className="py-2 text-xs">{Object.entries(result.items).map(([status, n]) => `${n} ${status}`).join(', ') || '—'}</td>
                  <td className="py-2 text-right">
                    {result.status === 'would_upgrade' ? (
                      <div className="flex justify-end gap-2">
                        <Link href={`/templates/${template.id}/install?client=${result.clientId}`} className={buttonClasses({ variant: 'ghost', size: 'sm' })}>Choose per item</Link>
                        <ActionForm action={upgradeAction}>
                          <input type="hidden" name="templateId" value={template.id} />
                          <input type="hidden" name="clientId" value={result.clientId} />
                          <input type="hidden" name="idempotencyKey" value={randomUUID()} />
                          <SubmitButton size="sm" pendingLabel="Upgrading…">Upgrade</SubmitButton>
                        </ActionForm>
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
