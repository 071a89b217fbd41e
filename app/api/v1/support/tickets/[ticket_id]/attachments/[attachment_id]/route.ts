import { getSupportAttachmentOperation } from '@/lib/api/operations/support';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getAttachment } from '@/lib/support/attachments';

// GET /api/v1/support/tickets/:ticket_id/attachments/:attachment_id – download one file, base64
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getSupportAttachmentOperation, async ({ ctx, params }) => {
    const a = await getAttachment(ctx, params.ticket_id, params.attachment_id);
    return { object: 'ticket_attachment', id: a.id, filename: a.filename, content_type: a.contentType, bytes: a.bytes, sha256: a.sha256, created_at: a.createdAt, content_base64: a.content.toString('base64') };
  }),
});
