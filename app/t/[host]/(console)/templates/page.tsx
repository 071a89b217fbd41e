import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm, ActionSelectField, ActionTextField } from '@/components/console/action-form';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireConsoleSession } from '@/lib/auth/session';
import { listClients } from '@/lib/clients/manage-clients';
import { listTemplates } from '@/lib/provisioning/templates';
import { createTemplateAction, saveClientAction } from './actions';

export const metadata: Metadata = { title: 'Templates' };

export default async function TemplatesPage() {
  const { dataCtx, user, environment } = await requireConsoleSession();
  const [templates, clients] = await Promise.all([listTemplates(dataCtx), listClients(dataCtx, { limit: 100 })]);
  const canManage = user.role !== 'member';
  return (
    <>
      <PageHeader
        title="Templates"
        description={`Set up a client's whole configuration in one step: seats, voice bots, working hours and settings, versioned, with a dry run before every install.${environment === 'test' ? ' Test mode: installs go to your sandbox clients, and your live templates can be tried here first (read-only).' : ''}`}
      />
      <Card title="Your templates">
        {templates.length === 0 ? (
          <p className="text-sm text-slate-600">No templates yet. Create one, or save a client’s setup as one.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Templates</caption>
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-2 font-medium">Name</th>
                <th scope="col" className="py-2 font-medium">Latest version</th>
                <th scope="col" className="py-2 font-medium">Draft items</th>
                <th scope="col" className="py-2 font-medium">From</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {templates.map((template) => (
                <tr key={template.id} data-testid={`template-${template.id}`}>
                  <td className="py-2 font-medium">
                    <Link href={`/templates/${template.id}`} className="text-blue-700 hover:underline">{template.name}</Link>
                  </td>
                  <td className="py-2">{template.latestVersion ? `v${template.latestVersion}` : <Badge tone="warning">draft only</Badge>}</td>
                  <td className="py-2">{template.draft.length}</td>
                  <td className="py-2">{template.source === 'own' ? 'You' : <Badge tone="info">{template.source === 'live' ? 'Live (read-only here)' : 'Platform'}</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {canManage ? (
        <div className="mt-6 grid gap-6 lg:grid-cols-2">
          <Card title="New template" description="Start empty and add items in the editor.">
            <ActionForm action={createTemplateAction} className="grid gap-4">
              <ActionTextField label="Name" name="name" required maxLength={100} autoComplete="off" />
              <ActionTextField label="Description" name="description" maxLength={1000} autoComplete="off" />
              <div><SubmitButton pendingLabel="Creating…">Create template</SubmitButton></div>
            </ActionForm>
          </Card>
          <Card title="Save a client’s setup" description="Everything the client has now becomes version 1 of a new template (bots without their auth headers).">
            {clients.data.length ? (
              <ActionForm action={saveClientAction} className="grid gap-4">
                <ActionSelectField label="Client" name="client_id" required options={clients.data.map((client) => ({ value: client.id, label: client.name }))} />
                <ActionTextField label="Template name" name="name" required maxLength={100} autoComplete="off" />
                <div><SubmitButton pendingLabel="Saving…">Save as template</SubmitButton></div>
              </ActionForm>
            ) : (
              <p className="text-sm text-slate-600">No clients yet.</p>
            )}
          </Card>
        </div>
      ) : null}
    </>
  );
}
