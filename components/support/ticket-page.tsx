import Link from 'next/link';
import { ActionForm, ActionSelectField, ActionTextareaField } from '@/components/console/action-form';
import { Time } from '@/components/console/time';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SubmitButton } from '@/components/ui/submit-button';
import { AttachmentField } from '@/components/support/attachment-field';
import type { FormState } from '@/lib/actions/form-state';
import type { TicketView } from '@/lib/support/get-ticket';
import { categoryLabels, priorityLabels, statusLabels, ticketCategories, ticketPriorities } from '@/lib/support/labels';
import { allowedTransitions } from '@/lib/support/policy';
import { formatDuration } from './ticket-stats';
import { BreachBadge, CategoryBadge, PriorityBadge, StatusBadge } from './ticket-badges';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export type TicketPageProps = {
  view: TicketView;
  /** Who asked, as the reader thinks of them ("Client Co", "Acme Connect about Client Co", "you"). */
  from: string;
  backHref: string;
  backLabel: string;
  attachmentHref: (attachmentId: string) => string;
  replyAction: Action;
  updateAction: Action;
  /** The handling team's members, for the assignee choice (handlers only). */
  team?: { id: string; name: string }[];
};

const historyLabels: Record<string, string> = {
  created: 'opened the ticket',
  status_changed: 'changed the status',
  assigned: 'changed the assignee',
  priority_changed: 'changed the priority',
  category_changed: 'changed the category',
  replied: 'replied',
  note_added: 'added an internal note',
  attachment_added: 'attached a file',
  sla_breached: 'recorded a missed target',
  auto_closed: 'closed the solved ticket',
};

function describeDetail(kind: string, detail: Record<string, unknown>): string | null {
  const from = typeof detail.from === 'string' ? detail.from : null;
  const to = typeof detail.to === 'string' ? detail.to : null;
  if ((kind === 'status_changed' || kind === 'auto_closed') && to) return `${statusLabels[from as keyof typeof statusLabels] ?? from} → ${statusLabels[to as keyof typeof statusLabels] ?? to}`;
  if (kind === 'priority_changed' && to) return `${from} → ${to}`;
  if (kind === 'category_changed' && to) return `${from} → ${to}`;
  if (kind === 'sla_breached') return detail.metric === 'first_response' ? 'First response' : 'Resolution';
  return null;
}

function Files({ files, href }: { files: TicketView['attachments']; href: (id: string) => string }) {
  if (!files.length) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-2 text-sm">
      {files.map((file) => (
        <li key={file.id}>
          <a href={href(file.id)} className="rounded border border-slate-200 px-2 py-1 text-slate-700 underline-offset-2 hover:underline">
            {file.filename} <span className="text-xs text-slate-500">({Math.max(1, Math.round(file.bytes / 1024))} KB)</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function Clock({ label, clock }: { label: string; clock: TicketView['sla']['firstResponse'] }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className="flex flex-wrap items-center gap-2">
        <span className="tabular-nums">
          {formatDuration(Math.round(clock.elapsedMs / 1000))} of {formatDuration(clock.targetMs / 1000)}
        </span>
        {clock.breached ? <BreachBadge /> : clock.met ? <span className="text-xs text-green-700">met</span> : null}
        {clock.dueAt && !clock.breached ? (
          <span className="text-xs text-slate-500">
            due <Time value={clock.dueAt} />
          </span>
        ) : null}
      </dd>
    </div>
  );
}

/** A ticket's page for either side: the requester's view simply has no internal notes in it to show. */
export function TicketPage({ view, from, backHref, backLabel, attachmentHref, replyAction, updateAction, team }: TicketPageProps) {
  const { ticket, side, messages, attachments, history, assignee, sla } = view;
  const handler = side === 'handler';
  const closed = ticket.status === 'closed';
  const nextStatuses = allowedTransitions[ticket.status];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={backHref} className="text-slate-600 underline-offset-2 hover:underline">
          ← {backLabel}
        </Link>
      </p>
      <PageHeader title={ticket.subject} description={<>From {from} · opened <Time value={ticket.createdAt} /></>} />
      <div className="mb-4 flex flex-wrap gap-2" aria-label="Ticket state">
        <StatusBadge status={ticket.status} />
        <PriorityBadge priority={ticket.priority} />
        <CategoryBadge category={ticket.category} />
        {sla.firstResponse.breached || sla.resolution.breached ? <BreachBadge /> : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="space-y-4">
          <ol className="space-y-3" aria-label="Conversation">
            <li className="rounded-lg border border-slate-200 bg-white p-4">
              <p className="text-sm text-slate-600">
                <strong className="text-slate-900">{ticket.requesterName}</strong> · <Time value={ticket.createdAt} />
              </p>
              <p className="mt-2 text-sm whitespace-pre-wrap">{ticket.description}</p>
              <Files files={attachments.filter((a) => a.messageId === null)} href={attachmentHref} />
            </li>
            {messages.map((message) => (
              <li key={message.id} data-testid={message.visibility === 'internal' ? 'internal-note' : 'public-reply'} className={message.visibility === 'internal' ? 'rounded-lg border border-amber-300 bg-amber-50 p-4' : 'rounded-lg border border-slate-200 bg-white p-4'}>
                <p className="text-sm text-slate-600">
                  <strong className="text-slate-900">{message.authorName}</strong>
                  {message.visibility === 'internal' ? <span className="ml-2 text-xs font-semibold text-amber-800 uppercase">Internal note</span> : null} · <Time value={message.createdAt} />
                </p>
                <p className="mt-2 text-sm whitespace-pre-wrap">{message.body}</p>
                <Files files={attachments.filter((a) => a.messageId === message.id)} href={attachmentHref} />
              </li>
            ))}
          </ol>
          {closed ? (
            <p className="text-sm text-slate-600">This ticket is closed. A new question needs a new ticket.</p>
          ) : (
            <Card title={handler ? 'Reply or add a note' : 'Reply'} titleAs="h2">
              <ActionForm action={replyAction} className="space-y-3">
                <input type="hidden" name="ticketId" value={ticket.id} />
                <ActionTextareaField label="Message" name="body" required maxLength={20_000} />
                {handler ? (
                  <>
                    <label className="flex items-center gap-2 text-sm">
                      <input type="checkbox" name="internal" value="true" className="size-4" /> Internal note (the requester never sees it)
                    </label>
                    <ActionSelectField
                      label="Then set the status"
                      name="status"
                      options={[{ value: '', label: `Keep it (${statusLabels[ticket.status].toLowerCase()})` }, ...nextStatuses.filter((s) => s !== 'closed').map((s) => ({ value: s, label: statusLabels[s] }))]}
                    />
                  </>
                ) : null}
                <AttachmentField hint="Images or PDF, up to 5 MB each." />
                <SubmitButton pendingLabel="Sending…">Send</SubmitButton>
              </ActionForm>
            </Card>
          )}
        </div>
        <div className="space-y-4">
          <Card title="Details" titleAs="h2">
            {handler && !closed ? (
              <ActionForm action={updateAction} className="space-y-3">
                <input type="hidden" name="ticketId" value={ticket.id} />
                <ActionSelectField label="Status" name="status" defaultValue={ticket.status} options={[ticket.status, ...nextStatuses].map((s) => ({ value: s, label: statusLabels[s] }))} />
                <ActionSelectField label="Priority" name="priority" defaultValue={ticket.priority} options={ticketPriorities.map((p) => ({ value: p, label: priorityLabels[p] }))} />
                <ActionSelectField label="Category" name="category" defaultValue={ticket.category} options={ticketCategories.map((c) => ({ value: c, label: categoryLabels[c] }))} />
                <ActionSelectField label="Assignee" name="assigneeId" defaultValue={ticket.assigneeId ?? ''} options={[{ value: '', label: 'Unassigned' }, ...(team ?? []).map((m) => ({ value: m.id, label: m.name }))]} />
                <SubmitButton variant="secondary" pendingLabel="Saving…">
                  Save
                </SubmitButton>
              </ActionForm>
            ) : (
              <dl className="space-y-2 text-sm">
                <div>
                  <dt className="text-slate-600">Assignee</dt>
                  <dd>{assignee?.name ?? 'Not assigned yet'}</dd>
                </div>
                {!handler && !closed && ticket.status !== 'solved' ? (
                  <ActionForm action={updateAction}>
                    <input type="hidden" name="ticketId" value={ticket.id} />
                    <input type="hidden" name="status" value="solved" />
                    <SubmitButton variant="secondary">Mark solved</SubmitButton>
                  </ActionForm>
                ) : null}
              </dl>
            )}
          </Card>
          <Card title="Service level" titleAs="h2">
            <dl className="space-y-2 text-sm" data-testid="ticket-sla">
              <Clock label="First response" clock={sla.firstResponse} />
              <Clock label="Resolution" clock={sla.resolution} />
              {sla.paused ? <p className="text-xs text-amber-800">Paused while pending on the requester.</p> : null}
            </dl>
          </Card>
          <Card title="History" titleAs="h2">
            <ol className="space-y-2 text-sm">
              {history.map((entry) => {
                const detail = describeDetail(entry.kind, entry.detail);
                return (
                  <li key={entry.id}>
                    <span className="font-medium">{entry.actorName}</span> {historyLabels[entry.kind] ?? entry.kind}
                    {detail ? <span className="text-slate-600"> ({detail})</span> : null}
                    <span className="block text-xs text-slate-500">
                      <Time value={entry.createdAt} />
                    </span>
                  </li>
                );
              })}
            </ol>
          </Card>
        </div>
      </div>
    </>
  );
}
