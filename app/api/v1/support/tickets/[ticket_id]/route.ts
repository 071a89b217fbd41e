import { getSupportTicketOperation, toTicketDetailResource, updateSupportTicketOperation } from '@/lib/api/operations/support';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getTicket } from '@/lib/support/get-ticket';
import { updateTicket } from '@/lib/support/update-ticket';

// GET /api/v1/support/tickets/:ticket_id – get a ticket; PATCH – change its status, priority, category or assignee
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getSupportTicketOperation, async ({ ctx, params }) => toTicketDetailResource(await getTicket(ctx, params.ticket_id))),
  PATCH: apiRoute(updateSupportTicketOperation, async ({ ctx, params, body }) => {
    const { assignee_id, ...rest } = body;
    await updateTicket(ctx, params.ticket_id, { ...rest, assigneeId: assignee_id });
    return toTicketDetailResource(await getTicket(ctx, params.ticket_id));
  }),
});
