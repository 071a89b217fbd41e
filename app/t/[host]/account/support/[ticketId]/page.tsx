import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TicketPage } from '@/components/support/ticket-page';
import { requirePortalSession } from '@/lib/auth/portal-session';
import { AppError } from '@/lib/errors/app-error';
import { getTicket } from '@/lib/support/get-ticket';
import { portalReplyAction, portalUpdateTicketAction } from '../actions';

export const metadata: Metadata = { title: 'Support ticket' };

// The requester's view: the domain leaves internal notes and their files out of it.
export default async function PortalTicketPage({ params }: { params: Promise<{ ticketId: string }> }) {
  const { ticketId } = await params;
  const { ctx } = await requirePortalSession();
  const view = await getTicket(ctx, ticketId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  return (
    <TicketPage
      view={view}
      from={view.ticket.requesterName}
      backHref="/account/support"
      backLabel="Support"
      attachmentHref={(id) => `/account/support/${ticketId}/attachments/${id}`}
      replyAction={portalReplyAction}
      updateAction={portalUpdateTicketAction}
    />
  );
}
