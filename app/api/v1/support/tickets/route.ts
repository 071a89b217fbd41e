import { createSupportTicketOperation, decodeUploads, listSupportTicketsOperation, toTicketDetailResource, toTicketListResource } from '@/lib/api/operations/support';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getTicket } from '@/lib/support/get-ticket';
import { listTickets } from '@/lib/support/list-tickets';
import { openTicket } from '@/lib/support/open-ticket';

// GET /api/v1/support/tickets – list tickets; POST – open a ticket with the operator
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listSupportTicketsOperation, async ({ ctx, query }) => {
    const { customer_id, assignee_id, breached, ...rest } = query;
    return toTicketListResource(await listTickets(ctx, { ...rest, clientId: customer_id, assigneeId: assignee_id, breached }));
  }),
  POST: apiRoute(createSupportTicketOperation, async ({ ctx, body }) => {
    const { customer_id, attachments, ...rest } = body;
    const ticket = await openTicket(ctx, { ...rest, clientId: customer_id }, decodeUploads(attachments));
    return toTicketDetailResource(await getTicket(ctx, ticket.id));
  }),
});
