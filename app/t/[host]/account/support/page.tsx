import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm, ActionSelectField, ActionTextareaField, ActionTextField } from '@/components/console/action-form';
import { Time } from '@/components/console/time';
import { AttachmentField } from '@/components/support/attachment-field';
import { PriorityBadge, StatusBadge } from '@/components/support/ticket-badges';
import { Card } from '@/components/ui/card';
import { PlainTable } from '@/components/ui/plain-table';
import { SubmitButton } from '@/components/ui/submit-button';
import { requirePortalSession } from '@/lib/auth/portal-session';
import { listTickets } from '@/lib/support/list-tickets';
import { categoryLabels, priorityLabels, ticketCategories, ticketPriorities } from '@/lib/support/policy';
import { cursorPagination, parseCursorParams, type TablePageProps } from '@/lib/tables/table-params';
import { portalOpenTicketAction } from './actions';

export const metadata: Metadata = { title: 'Support' };

export default async function PortalSupportPage({ searchParams }: TablePageProps) {
  const { ctx } = await requirePortalSession();
  const cursor = parseCursorParams(await searchParams);
  const page = await listTickets(ctx, { ...cursor, limit: 20 });
  const links = cursorPagination(cursor, { data: page.data.map((r) => r.ticket), has_more: page.has_more });
  return (
    <>
      <h1 className="text-2xl font-semibold">Support</h1>
      <Card title="Your tickets">
        {page.data.length === 0 ? (
          <p className="text-sm text-slate-600">No tickets yet. Ask us anything below.</p>
        ) : (
          <PlainTable caption="Your tickets" columns={[{ label: 'Subject' }, { label: 'Status' }, { label: 'Priority' }, { label: 'Updated' }]}>
            {page.data.map(({ ticket }) => (
              <tr key={ticket.id} className="border-b border-slate-100">
                <td className="py-2">
                  <Link href={`/account/support/${ticket.id}`} className="font-medium underline-offset-2 hover:underline">
                    {ticket.subject}
                  </Link>
                </td>
                <td className="py-2"><StatusBadge status={ticket.status} /></td>
                <td className="py-2"><PriorityBadge priority={ticket.priority} /></td>
                <td className="py-2"><Time value={ticket.updatedAt} /></td>
              </tr>
            ))}
          </PlainTable>
        )}
        {links.newer || links.older ? (
          <nav aria-label="Pages" className="mt-3 flex gap-4 text-sm">
            {links.newer ? <Link href={`?${new URLSearchParams(links.newer)}`}>Newer</Link> : null}
            {links.older ? <Link href={`?${new URLSearchParams(links.older)}`}>Older</Link> : null}
          </nav>
        ) : null}
      </Card>
      <Card title="New ticket" description="We reply here and by e-mail.">
        <ActionForm action={portalOpenTicketAction} className="grid gap-4">
          <ActionTextField label="Subject" name="subject" required maxLength={200} />
          <ActionTextareaField label="Description" name="description" required maxLength={20_000} />
          <div className="grid gap-4 sm:grid-cols-2">
            <ActionSelectField label="Priority" name="priority" defaultValue="normal" options={ticketPriorities.map((p) => ({ value: p, label: priorityLabels[p] }))} />
            <ActionSelectField label="Category" name="category" defaultValue="technical" options={ticketCategories.map((c) => ({ value: c, label: categoryLabels[c] }))} />
          </div>
          <AttachmentField hint="Screenshots or PDF, up to 5 MB each." />
          <div>
            <SubmitButton pendingLabel="Opening…">Open ticket</SubmitButton>
          </div>
        </ActionForm>
      </Card>
    </>
  );
}
