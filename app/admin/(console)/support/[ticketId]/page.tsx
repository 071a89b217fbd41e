import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TicketPage } from '@/components/support/ticket-page';
import { requireOperatorSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { getTicket } from '@/lib/support/get-ticket';
import { assignableTeam } from '@/lib/support/update-ticket';
import { operatorReplyAction, operatorUpdateTicketAction } from '../actions';

export const metadata: Metadata = { title: 'Support ticket' };

export default async function OperatorTicketPage({ params }: { params: Promise<{ ticketId: string }> }) {
  const { ticketId } = await params;
  const { ctx } = await requireOperatorSession();
  const view = await getTicket(ctx, ticketId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const from = `${view.partner.name}${view.partner.kind === 'sandbox' ? ' (sandbox)' : ''} · ${view.ticket.requesterName}${view.client ? `, about ${view.client.name}` : ''}`;
  return (
    <TicketPage
      view={view}
      from={from}
      backHref="/admin/support"
      backLabel="Support"
      attachmentHref={(id) => `/admin/support/${ticketId}/attachments/${id}`}
      replyAction={operatorReplyAction}
      updateAction={operatorUpdateTicketAction}
      team={await assignableTeam(view.ticket)}
    />
  );
}
