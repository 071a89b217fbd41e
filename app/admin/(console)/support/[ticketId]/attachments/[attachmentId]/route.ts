import { requireOperatorSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { attachmentResponse } from '@/lib/support/attachment-response';
import { getAttachment } from '@/lib/support/attachments';

// GET /admin/support/:ticketId/attachments/:attachmentId – one file of a partner's ticket
export async function GET(_request: Request, { params }: { params: Promise<{ ticketId: string; attachmentId: string }> }) {
  const { ticketId, attachmentId } = await params;
  const { ctx } = await requireOperatorSession();
  try {
    return attachmentResponse(await getAttachment(ctx, ticketId, attachmentId));
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return new Response('Not found', { status: 404 });
    throw error;
  }
}
