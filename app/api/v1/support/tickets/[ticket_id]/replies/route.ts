import { decodeUploads, replyToSupportTicketOperation, toTicketDetailResource } from '@/lib/api/operations/support';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getTicket } from '@/lib/support/get-ticket';
import { replyToTicket } from '@/lib/support/reply-to-ticket';

// POST /api/v1/support/tickets/:ticket_id/replies – add a public reply or an internal note
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(replyToSupportTicketOperation, async ({ ctx, params, body }) => {
    const { attachments, ...rest } = body;
    await replyToTicket(ctx, params.ticket_id, rest, decodeUploads(attachments));
    return toTicketDetailResource(await getTicket(ctx, params.ticket_id));
  }),
});
