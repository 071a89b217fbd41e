import { requireConsoleSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { attachmentResponse } from '@/lib/support/attachment-response';
import { getAttachment } from '@/lib/support/attachments';
import { consoleTicketCtx } from '@/lib/support/console-ticket';

// GET /support/tickets/:ticketId/attachments/:attachmentId – one file of a ticket the session may see
export async function GET(_request: Request, { params }: { params: Promise<{ ticketId: string; attachmentId: string }> }) {
  const { ticketId, attachmentId } = await params;
  const session = await requireConsoleSession();
  try {
    return attachmentResponse(await getAttachment(await consoleTicketCtx(session, ticketId), ticketId, attachmentId));
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return new Response('Not found', { status: 404 });
    throw error;
  }
}
