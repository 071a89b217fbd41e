import { requirePortalSession } from '@/lib/auth/portal-session';
import { AppError } from '@/lib/errors/app-error';
import { attachmentResponse } from '@/lib/support/attachment-response';
import { getAttachment } from '@/lib/support/attachments';

// GET /account/support/:ticketId/attachments/:attachmentId – a file of the member's own ticket (never a note's)
export async function GET(_request: Request, { params }: { params: Promise<{ ticketId: string; attachmentId: string }> }) {
  const { ticketId, attachmentId } = await params;
  const { ctx } = await requirePortalSession();
  try {
    return attachmentResponse(await getAttachment(ctx, ticketId, attachmentId));
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return new Response('Not found', { status: 404 });
    throw error;
  }
}
