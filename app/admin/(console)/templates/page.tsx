import type { Metadata } from 'next';
import { ConfirmAction } from '@/components/console/confirm-action';
import { Time } from '@/components/console/time';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireOperatorSession } from '@/lib/auth/session';
import { listAllTemplates } from '@/lib/provisioning/templates';
import { setTemplatePublishedAction } from './actions';

export const metadata: Metadata = { title: 'Templates' };

/** Every partner's provisioning templates; publishing one puts it, read-only, in every partner's store. */
export default async function OperatorTemplatesPage() {
  const { ctx } = await requireOperatorSession();
  const templates = await listAllTemplates(ctx);
  return (
    <>
      <PageHeader title="Provisioning templates" description="Publish a partner’s template to every partner: they install it as it is (read-only), or save a client set up with it as their own." />
      <Card title="Templates">
        {templates.length === 0 ? (
          <p className="text-sm text-slate-600">No partner has made a template yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Templates</caption>
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-2 font-medium">Name</th>
                <th scope="col" className="py-2 font-medium">Partner</th>
                <th scope="col" className="py-2 font-medium">Version</th>
                <th scope="col" className="py-2 font-medium">Published</th>
                <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {templates.map((template) => (
                <tr key={template.id} data-testid={`template-${template.id}`}>
                  <td className="py-2 font-medium">{template.name}</td>
                  <td className="py-2">{template.partnerName}</td>
                  <td className="py-2">{template.latestVersion ? `v${template.latestVersion}` : 'draft'}</td>
                  <td className="py-2">{template.published ? <Badge tone="success">to every partner</Badge> : <Badge>no</Badge>}{template.publishedAt ? <> <Time value={template.publishedAt} /></> : null}</td>
                  <td className="py-2 text-right">
                    {template.latestVersion ? (
                      <ConfirmAction
                        action={setTemplatePublishedAction}
                        fields={{ templateId: template.id, published: template.published ? '0' : '1' }}
                        triggerLabel={<>{template.published ? 'Withdraw' : 'Publish to every partner'}<span className="sr-only"> {template.name}</span></>}
                        triggerSize="sm"
                        triggerVariant={template.published ? 'ghost' : 'secondary'}
                        title={template.published ? `Withdraw “${template.name}”?` : `Publish “${template.name}” to every partner?`}
                        description={template.published ? 'Other partners no longer see it; their clients keep what they installed.' : 'Every partner sees it in Templates and can install it into its clients.'}
                        confirmLabel={template.published ? 'Withdraw' : 'Publish'}
                      />
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
