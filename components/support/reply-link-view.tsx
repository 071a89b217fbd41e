import type { ReactNode } from 'react';
import { ActionForm, ActionTextareaField } from '@/components/console/action-form';
import { Time } from '@/components/console/time';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/actions/form-state';
import type { TicketView } from '@/lib/support/get-ticket';
import { StatusBadge } from './ticket-badges';

/**
 * What a reply link opens: the ticket's public thread (the view is the requester's, so there is no internal note
 * in it) and a form to answer, without signing in.
 */
export function ReplyLinkView({ view, token, action, brand }: { view: TicketView | null; token: string; action: (state: FormState, formData: FormData) => Promise<FormState>; brand?: ReactNode }) {
  return (
    <main className="mx-auto max-w-2xl space-y-6 p-4 sm:p-8">
      {brand}
      {!view ? (
        <div className="rounded-lg border border-slate-200 bg-white p-6">
          <h1 className="text-lg font-semibold">This link no longer works</h1>
          <p className="mt-1 text-sm text-slate-600">Reply links expire after 30 days. Sign in to see the ticket.</p>
        </div>
      ) : (
        <>
          <div>
            <h1 className="text-2xl font-semibold">{view.ticket.subject}</h1>
            <p className="mt-1 flex items-center gap-2 text-sm text-slate-600">
              <StatusBadge status={view.ticket.status} /> opened <Time value={view.ticket.createdAt} />
            </p>
          </div>
          <ol className="space-y-3" aria-label="Conversation">
            <li className="rounded-lg border border-slate-200 bg-white p-4">
              <p className="text-sm text-slate-600">
                <strong className="text-slate-900">{view.ticket.requesterName}</strong> · <Time value={view.ticket.createdAt} />
              </p>
              <p className="mt-2 text-sm whitespace-pre-wrap">{view.ticket.description}</p>
            </li>
            {view.messages.map((m) => (
              <li key={m.id} data-testid="public-reply" className="rounded-lg border border-slate-200 bg-white p-4">
                <p className="text-sm text-slate-600">
                  <strong className="text-slate-900">{m.authorName}</strong> · <Time value={m.createdAt} />
                </p>
                <p className="mt-2 text-sm whitespace-pre-wrap">{m.body}</p>
              </li>
            ))}
          </ol>
          {view.ticket.status === 'closed' ? (
            <p className="text-sm text-slate-600">This ticket is closed.</p>
          ) : (
            <ActionForm action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
              <input type="hidden" name="token" value={token} />
              <ActionTextareaField label="Your reply" name="body" required maxLength={20_000} />
              <SubmitButton pendingLabel="Sending…">Send reply</SubmitButton>
            </ActionForm>
          )}
        </>
      )}
    </main>
  );
}
