import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TicketPage } from '@/components/support/ticket-page';
import { requireConsoleSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { consoleTicketCtx } from '@/lib/support/console-ticket';
import { getTicket } from '@/lib/support/get-ticket';
import { assignableTeam } from '@/lib/support/update-ticket';
import { replyToTicketAction, updateTicketAction } from '../../actions';

export const metadata: Metadata = { title: 'Support ticket' };

export default async function ConsoleTicketPage({ params }: { params: Promise<{ ticketId: string }> }) {
  const { ticketId } = await params;
  const session = await requireConsoleSession();
  const ctx = await consoleTicketCtx(session, ticketId);
  const view = await getTicket(ctx, ticketId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const clientTicket = view.ticket.level === 'client';
  return (
    <TicketPage
      view={view}
      from={clientTicket ? `${view.client?.name ?? 'a client'} (${view.ticket.requesterName})` : view.client ? `you, about ${view.client.name}` : 'you'}
      backHref={clientTicket ? '/support' : '/support/platform'}
      backLabel={clientTicket ? 'Clients’ tickets' : 'Platform support'}
      attachmentHref={(id) => `/support/tickets/${ticketId}/attachments/${id}`}
      replyAction={replyToTicketAction}
      updateAction={updateTicketAction}
      team={view.side === 'handler' ? await assignableTeam(view.ticket) : undefined}
    />
  );
}
