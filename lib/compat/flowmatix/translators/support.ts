import { z } from 'zod';
import { createSupportTicketOperation, getSupportTicketOperation, toTicketDetailResource } from '@/lib/api/operations/support';
import { getTicket } from '@/lib/support/get-ticket';
import { openTicket } from '@/lib/support/open-ticket';
import { available, optionalText, requiredText } from '../endpoint';

/** Flowmatix's "Support and Ticketing": the partner's tickets with the operator, optionally about a client. */

const group = 'Support and Ticketing' as const;

export const createTicket = available({
  group,
  method: 'POST',
  path: 'support/tickets',
  summary: 'Create Support Ticket',
  example: { customer_id: 'customer_123', subject: 'Integration Issue', description: 'Customer experiencing webhook failures', priority: 'high', category: 'technical' },
  rest: [createSupportTicketOperation],
  scope: 'support:write',
  created: true,
  fields: {
    customer_id: { in: 'body', type: 'string', required: false, to: 'client_id', difference: 'A client id (cli_…); another partner’s (or an unknown one) answers 404.' },
    subject: { in: 'body', type: 'string', required: true, to: 'subject' },
    description: { in: 'body', type: 'string', required: true, to: 'description' },
    priority: { in: 'body', type: 'string', required: false, to: 'priority', difference: 'low, normal, high or urgent; normal when left out. It sets the response and resolution targets.' },
    category: { in: 'body', type: 'string', required: false, to: 'category', difference: 'technical, billing, kyc, numbers, whatsapp or other; other when left out.' },
  },
  answer: [{ name: '(the ticket)', from: 'POST /support/tickets', note: 'Its id (tkt_…), number, status, priority, category, SLA targets and the first message.' }],
  schema: z.object({
    customer_id: optionalText('customer_id', 64),
    subject: requiredText('subject', 200),
    description: requiredText('description', 20_000),
    priority: optionalText('priority', 20),
    category: optionalText('category', 20),
  }),
  call: async (ctx, { customer_id, ...rest }) => {
    const ticket = await openTicket(ctx, { ...rest, clientId: customer_id });
    return getTicket(ctx, ticket.id);
  },
  data: (view) => toTicketDetailResource(view),
});

export const getTicketStatus = available({
  group,
  method: 'GET',
  path: 'support/tickets/{ticket_id}',
  summary: 'Get Ticket Status',
  rest: [getSupportTicketOperation],
  scope: 'support:read',
  fields: { ticket_id: { in: 'path', type: 'string', required: true, to: 'ticket_id', difference: 'A ticket id; another partner’s answers 404.' } },
  answer: [{ name: '(the ticket)', from: 'GET /support/tickets/{ticket_id}', note: 'status (open, pending, solved, closed), SLA clocks, and the conversation without internal notes.' }],
  schema: z.object({ ticket_id: requiredText('ticket_id', 64) }),
  call: (ctx, { ticket_id }) => getTicket(ctx, ticket_id),
  data: (view) => toTicketDetailResource(view),
});

export const supportGroup = [createTicket, getTicketStatus];
