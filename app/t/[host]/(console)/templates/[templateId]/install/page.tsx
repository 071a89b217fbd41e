import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireConsoleSession } from '@/lib/auth/session';
import { listClients } from '@/lib/clients/manage-clients';
import { AppError } from '@/lib/errors/app-error';
import { dryRunInstall } from '@/lib/provisioning/install';
import type { ItemStatus } from '@/lib/provisioning/plan';
import { getTemplate } from '@/lib/provisioning/templates';
import { installAction } from '../../actions';

export const metadata: Metadata = { title: 'Install a template' };

const statusTone: Record<ItemStatus, BadgeTone> = { new: 'info', unchanged: 'neutral', changed: 'warning', diverged: 'danger', kept: 'neutral', unavailable: 'neutral' };
const choiceOptions = [
  { value: 'overwrite', label: 'Overwrite with the template’s' },
  { value: 'keep', label: 'Keep the client’s' },
  { value: 'skip', label: 'Skip' },
] as const;

/** Step one picks the client; step two is the dry run with a choice per item, then one atomic install. */
export default async function InstallTemplatePage({ params, searchParams }: { params: Promise<{ templateId: string }>; searchParams: Promise<{ client?: string }> }) {
  const [{ templateId }, { client: clientId }] = await Promise.all([params, searchParams]);
  const { dataCtx, environment } = await requireConsoleSession();
  const template = await getTemplate(dataCtx, templateId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const clients = await listClients(dataCtx, { limit: 100 });
  const plan = clientId ? await dryRunInstall(dataCtx, clientId, { template_id: template.id }).catch((error: unknown) => (error instanceof AppError ? error : Promise.reject(error))) : null;
  return (
    <>
      <PageHeader title={`Install “${template.name}” v${template.latestVersion}`} description={environment === 'test' ? 'Into a sandbox client: try it here before your live clients.' : 'Into one of your clients.'} />
      <Card title="1. Choose the client">
        <form method="get" className="flex flex-wrap items-end gap-3">
          <label className="grid gap-1 text-sm">
            <span className="font-medium">Client</span>
            <select name="client" defaultValue={clientId} className="rounded border border-slate-300 px-2 py-1.5">
              {clients.data.map((client) => (
                <option key={client.id} value={client.id}>{client.name}</option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonClasses({ variant: 'secondary' })}>Dry run</button>
        </form>
      </Card>
      {plan instanceof AppError ? <p className="mt-4 text-sm text-red-700" role="alert">{plan.message}</p> : null}
      {plan && !(plan instanceof AppError) ? (
        <Card title={`2. What installing does to ${plan.client.name}`} description={plan.installedVersion ? `v${plan.installedVersion} is installed; this installs v${plan.version}.` : 'Not installed in this client before.'} className="mt-6">
          <ActionForm action={installAction} className="grid gap-4">
            <input type="hidden" name="templateId" value={template.id} />
            <input type="hidden" name="clientId" value={plan.client.id} />
            <input type="hidden" name="version" value={plan.version} />
            {/* A second press or a retry of this form answers the first install instead of installing twice. */}
            <input type="hidden" name="idempotencyKey" value={randomUUID()} />
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Items</caption>
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-2 font-medium">Item</th>
                  <th scope="col" className="py-2 font-medium">Status</th>
                  <th scope="col" className="py-2 font-medium">Choice</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {plan.items.map((item) => (
                  <tr key={item.id} data-testid={`plan-${item.id}`}>
                    <td className="py-2 align-top">
                      <p className="font-medium">{item.label}</p>
                      <code className="text-xs text-slate-500">{item.id}</code>
                      {item.note ? <p className="text-xs text-slate-600">{item.note}</p> : null}
                    </td>
                    <td className="py-2 align-top"><Badge tone={statusTone[item.status]}>{item.status}</Badge></td>
                    <td className="py-2 align-top">
                      {item.status === 'unavailable' || item.status === 'unchanged' ? (
                        <span className="text-slate-500">nothing to do</span>
                      ) : (
                        <div className="grid gap-2">
                          <ActionSelectField label={<span className="sr-only">Choice for {item.label}</span>} name={`choice:${item.id}`} options={item.status === 'new' ? choiceOptions.filter((o) => o.value !== 'keep') : choiceOptions} defaultValue={item.defaultChoice} />
                          {item.takesSecret ? <ActionTextField label="Auth header" name={`secret:${item.id}`} type="password" autoComplete="off" hint="Name: value — stored sealed; left empty keeps the stored one." /> : null}
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="flex gap-3">
              <SubmitButton pendingLabel="Installing…">Install</SubmitButton>
              <Link href={`/templates/${template.id}`} className={buttonClasses({ variant: 'ghost' })}>Cancel</Link>
            </div>
          </ActionForm>
        </Card>
      ) : null}
    </>
  );
}
