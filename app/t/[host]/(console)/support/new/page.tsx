import type { Metadata } from 'next';
import { ActionForm, ActionSelectField, ActionTextareaField, ActionTextField } from '@/components/console/action-form';
import { SupportTabs } from '@/components/support/support-tabs';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { AttachmentField } from '@/components/support/attachment-field';
import { requireConsoleSession } from '@/lib/auth/session';
import { listClients } from '@/lib/clients/manage-clients';
import { categoryLabels, priorityLabels, slaTargets, ticketCategories, ticketPriorities } from '@/lib/support/policy';
import { openPlatformTicketAction } from '../actions';

export const metadata: Metadata = { title: 'New support ticket' };

const hours = (ms: number) => `${ms / 3_600_000} h`;

export default async function NewTicketPage() {
  const { ctx } = await requireConsoleSession();
  const clients = await listClients(ctx, { limit: 100 });
  return (
    <>
      <PageHeader title="Support" description="Ask the platform’s support team for help." />
      <SupportTabs />
      <Card title="New ticket" description="We answer by e-mail and on the ticket’s page.">
        <ActionForm action={openPlatformTicketAction} className="grid max-w-2xl gap-4">
          <ActionTextField label="Subject" name="subject" required maxLength={200} />
          <ActionTextareaField label="Description" name="description" required maxLength={20_000} hint="What happened, when, and what you expected." />
          <div className="grid gap-4 sm:grid-cols-2">
            <ActionSelectField
              label="Priority"
              name="priority"
              defaultValue="normal"
              options={ticketPriorities.map((p) => ({ value: p, label: `${priorityLabels[p]} (first reply in ${hours(slaTargets[p].firstResponseMs)})` }))}
            />
            <ActionSelectField label="Category" name="category" defaultValue="technical" options={ticketCategories.map((c) => ({ value: c, label: categoryLabels[c] }))} />
          </div>
          <ActionSelectField label="About a client (optional)" name="clientId" defaultValue="" options={[{ value: '', label: 'Your own account' }, ...clients.data.map((c) => ({ value: c.id, label: c.name }))]} />
          <AttachmentField hint="Screenshots or PDF, up to 5 MB each and 5 files." />
          <div>
            <SubmitButton pendingLabel="Opening…">Open ticket</SubmitButton>
          </div>
        </ActionForm>
      </Card>
    </>
  );
}
