import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import { ActionForm, ActionSelectField, ActionTextareaField, ActionTextField } from '@/components/console/action-form';
import { ConfirmAction } from '@/components/console/confirm-action';
import { Time } from '@/components/console/time';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireConsoleSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { listInstalls } from '@/lib/provisioning/history';
import { formValuesOf, itemFormFields, type ItemFormField } from '@/lib/provisioning/item-form';
import { itemKindOf, itemKinds } from '@/lib/provisioning/kinds';
import { getTemplate } from '@/lib/provisioning/templates';
import { publishVersionAction, saveItemAction, upgradeAction } from '../actions';

export const metadata: Metadata = { title: 'Template' };

/** One field of an item's structured form, named `data.<path>` so its error shows beside it. */
function ItemField({ field, value }: { field: ItemFormField; value: string }) {
  const name = `data.${field.name}`;
  if (field.type === 'select') return <ActionSelectField label={field.label} name={name} hint={field.hint} options={field.options ?? []} defaultValue={value} />;
  if (field.type === 'textarea') return <ActionTextareaField label={field.label} name={name} hint={field.hint} rows={3} defaultValue={value} className="sm:col-span-2" />;
  return <ActionTextField label={field.label} name={name} hint={field.hint} defaultValue={value} autoComplete="off" />;
}

const resultTone = { applied: 'success', failed: 'danger' } as const;

export default async function TemplatePage({ params }: { params: Promise<{ templateId: string }> }) {
  const { templateId } = await params;
  const { dataCtx, user, environment } = await requireConsoleSession();
  const template = await getTemplate(dataCtx, templateId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const history = await listInstalls(dataCtx, { templateId: template.id, limit: 50 });
  const canEdit = user.role !== 'member' && template.own;
  const canInstall = user.role !== 'member';
  return (
    <>
      <PageHeader
        title={template.name}
        description={template.description || (template.source === 'own' ? 'Your template.' : template.source === 'live' ? 'Your live template, read-only in test mode: install it into sandbox clients to try it.' : 'Published by the platform to every partner.')}
        actions={
          template.latestVersion && canInstall ? (
            <Link href={`/templates/${template.id}/install`} className={buttonClasses()}>
              Install into a client{environment === 'test' ? ' (sandbox)' : ''}
            </Link>
          ) : null
        }
      />
      <div className="grid gap-6">
        <Card title="Draft" description={canEdit ? 'What the next version holds. Edit each item in its form (or as JSON, under Advanced); publishing freezes the draft as a new version.' : 'The items of the latest version.'}>
          {template.draft.length === 0 ? <p className="text-sm text-slate-600">No items yet.</p> : null}
          <ul className="grid gap-4">
            {template.draft.map((item, index) => (
              <li key={`${item.kind}:${item.key}`} className="rounded border border-slate-200 p-3" data-testid={`item-${item.kind}-${item.key}`}>
                <div className="mb-2 flex items-center gap-2 text-sm">
                  <Badge>{itemKindOf(item.kind)?.label ?? item.kind}</Badge>
                  <span className="font-medium">{item.label}</span>
                  <code className="text-xs text-slate-500">{item.kind}:{item.key}</code>
                </div>
                {canEdit ? (
                  <div className="flex flex-wrap items-start gap-3">
                    <div className="grid flex-1 gap-2">
                      {itemFormFields(item.kind) ? (
                        <ActionForm action={saveItemAction} className="grid gap-2 sm:grid-cols-2">
                          <input type="hidden" name="templateId" value={template.id} />
                          <input type="hidden" name="index" value={index} />
                          {itemFormFields(item.kind)!.map((field) => (
                            <ItemField key={field.name} field={field} value={formValuesOf(item.kind, item.data)[field.name] ?? ''} />
                          ))}
                          <div className="sm:col-span-2"><SubmitButton size="sm" pendingLabel="Saving…">Save item</SubmitButton></div>
                        </ActionForm>
                      ) : null}
                      {/* The whole content as JSON, for what the form does not cover (or a kind without one). */}
                      <details open={!itemFormFields(item.kind) || undefined}>
                        <summary className="cursor-pointer text-xs text-slate-600">Advanced: edit as JSON</summary>
                        <ActionForm action={saveItemAction} className="mt-2 grid gap-2">
                          <input type="hidden" name="templateId" value={template.id} />
                          <input type="hidden" name="index" value={index} />
                          <ActionTextareaField label="Content (JSON)" name="data" rows={6} defaultValue={JSON.stringify(item.data, null, 2)} />
                          <div><SubmitButton size="sm" variant="secondary" pendingLabel="Saving…">Save JSON</SubmitButton></div>
                        </ActionForm>
                      </details>
                    </div>
                    <ConfirmAction
                      action={saveItemAction}
                      fields={{ templateId: template.id, index: String(index), remove: '1' }}
                      triggerLabel={<>Remove<span className="sr-only"> {item.label}</span></>}
                      triggerSize="sm"
                      triggerVariant="ghost"
                      tone="danger"
                      title={`Remove “${item.label}” from the draft?`}
                      description="Published versions and clients keep it; the next version will not have it."
                      confirmLabel="Remove item"
                    />
                  </div>
                ) : (
                  <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(item.data, null, 2)}</pre>
                )}
              </li>
            ))}
          </ul>
          {canEdit ? (
            <div className="mt-6 grid gap-6 lg:grid-cols-2">
              <ActionForm action={saveItemAction} className="grid gap-3">
                <h3 className="font-medium">Add an item</h3>
                <input type="hidden" name="templateId" value={template.id} />
                <input type="hidden" name="index" value="-1" />
                <ActionSelectField label="Kind" name="kind" required options={itemKinds.map((kind) => ({ value: kind.kind, label: `${kind.label} — ${kind.description}` }))} />
                <ActionTextareaField label="Content (JSON, optional)" name="data" rows={5} hint="Leave empty to start from the kind’s example, then edit it in its form above." />
                <div><SubmitButton size="sm" pendingLabel="Adding…">Add item</SubmitButton></div>
              </ActionForm>
              <ActionForm action={publishVersionAction} className="grid gap-3">
                <h3 className="font-medium">Publish version {template.latestVersion + 1}</h3>
                <input type="hidden" name="templateId" value={template.id} />
                <ActionTextField label="What changed" name="note" maxLength={500} autoComplete="off" />
                <div><SubmitButton size="sm" pendingLabel="Publishing…">Publish version</SubmitButton></div>
              </ActionForm>
            </div>
          ) : null}
        </Card>

        <Card title="Versions">
          {template.versions.length === 0 ? (
            <p className="text-sm text-slate-600">Not published yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {template.versions.map((version) => (
                <li key={version.version} className="flex flex-wrap gap-3 py-2">
                  <span className="font-medium">v{version.version}</span>
                  <span>{version.items.length} items</span>
                  <span className="text-slate-600">{version.note || '—'}</span>
                  <Time value={version.createdAt} />
                </li>
              ))}
            </ul>
          )}
        </Card>

        {canInstall && template.latestVersion > 1 ? (
          <Card title={`Upgrade clients to v${template.latestVersion}`} description="Each client is upgraded on its own, all or nothing, with each item’s default choice (items edited in the client are kept). See each client’s dry run first on the upgrade page.">
            <div className="flex flex-wrap gap-3">
              <Link href={`/templates/${template.id}/upgrade`} className={buttonClasses({ variant: 'secondary' })}>Dry run for every client</Link>
              <ActionForm action={upgradeAction}>
                <input type="hidden" name="templateId" value={template.id} />
                <input type="hidden" name="idempotencyKey" value={randomUUID()} />
                <SubmitButton pendingLabel="Upgrading…">Upgrade all installed clients</SubmitButton>
              </ActionForm>
            </div>
          </Card>
        ) : null}

        <Card title="Install history" description={environment === 'test' ? 'Installs into your sandbox clients.' : 'Installs, upgrades and failed attempts into your clients.'}>
          {history.data.length === 0 ? (
            <p className="text-sm text-slate-600">Not installed anywhere yet.</p>
          ) : (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Install history</caption>
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-2 font-medium">When</th>
                  <th scope="col" className="py-2 font-medium">Client</th>
                  <th scope="col" className="py-2 font-medium">Version</th>
                  <th scope="col" className="py-2 font-medium">Kind</th>
                  <th scope="col" className="py-2 font-medium">Status</th>
                  <th scope="col" className="py-2 font-medium">Items</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {history.data.map((install) => (
                  <tr key={install.id} data-testid={`install-${install.id}`}>
                    <td className="py-2"><Time value={install.createdAt} /></td>
                    <td className="py-2"><Link href={`/clients/${install.clientId}`} className="text-blue-700 hover:underline">{install.clientId}</Link></td>
                    <td className="py-2">v{install.version}</td>
                    <td className="py-2">{install.kind}</td>
                    <td className="py-2"><Badge tone={resultTone[install.status]}>{install.status}</Badge>{install.error ? <p className="text-xs text-red-700">{install.error}</p> : null}</td>
                    <td className="py-2 text-xs">{install.items.map((item) => `${item.label}: ${item.result}`).join(' · ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
    </>
  );
}
