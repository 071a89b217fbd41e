import { z } from 'zod';
import { listParamsShape } from '@/lib/pagination/cursor';
import { maxAttachmentBytes, maxAttachmentsPerPost } from '@/lib/support/attachments';
import type { TicketView } from '@/lib/support/get-ticket';
import type { listTickets } from '@/lib/support/list-tickets';
import { ticketCategories, ticketPriorities, ticketStatuses } from '@/lib/support/policy';
import type { TicketStatistics } from '@/lib/support/statistics';
import { defineOperation } from '../operation';
import { idOf, pageOf, timestamp } from '../schemas';

const nullableTime = z.string().nullable().meta({ format: 'date-time' });
const level = z.enum(['client', 'partner']).meta({ description: '`client`: one of your clients’ members asked you. `partner`: you asked us (about yourself or one of your clients).' });

const clock = z.object({
  target_seconds: z.number().int(),
  elapsed_seconds: z.number().int().meta({ description: 'Working time so far (or until met): pauses while pending on the requester excluded.' }),
  due_at: nullableTime.meta({ description: 'When the target is missed, while the clock runs; null once met or while paused.' }),
  breached: z.boolean(),
});

export const ticketResource = z
  .object({
    object: z.literal('ticket'),
    id: idOf('tkt', 'The ticket’s id.'),
    level,
    status: z.enum(ticketStatuses).meta({ description: '`pending` waits on the requester and pauses the SLA clocks; `solved` closes itself after some days unless the requester replies.' }),
    priority: z.enum(ticketPriorities),
    category: z.enum(ticketCategories),
    subject: z.string(),
    description: z.string(),
    customer_id: z.string().nullable().meta({ description: 'The client that asked (level `client`) or that the ticket is about (level `partner`).' }),
    requester: z.object({ type: z.enum(['client_member', 'partner_user', 'api_key', 'operator', 'system']), name: z.string() }),
    assignee_id: z.string().nullable().meta({ description: 'A member of the handling team: your team for your clients’ tickets; ours for yours.' }),
    sla: z.object({ paused: z.boolean(), first_response: clock, resolution: clock }),
    first_response_at: nullableTime,
    solved_at: nullableTime,
    closed_at: nullableTime,
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'Ticket' });

const attachmentResource = z
  .object({ object: z.literal('ticket_attachment'), id: idOf('tka', 'The attachment’s id.'), filename: z.string(), content_type: z.string(), bytes: z.number().int(), created_at: timestamp })
  .meta({ id: 'TicketAttachment' });

const messageResource = z
  .object({
    object: z.literal('ticket_message'),
    id: idOf('tkm', 'The reply’s id.'),
    side: z.enum(['requester', 'handler']),
    internal: z.boolean().meta({ description: 'An internal note: only the handling team sees it. The requester never receives one.' }),
    author_name: z.string(),
    body: z.string(),
    attachments: z.array(attachmentResource),
    created_at: timestamp,
  })
  .meta({ id: 'TicketMessage' });

export const ticketDetailResource = ticketResource
  .extend({
    attachments: z.array(attachmentResource).meta({ description: 'Files sent with the description.' }),
    messages: z.array(messageResource).meta({ description: 'Replies, oldest first. Internal notes appear only for the handling team.' }),
    history: z.array(z.object({ kind: z.string(), actor_name: z.string(), detail: z.record(z.string(), z.unknown()), created_at: timestamp })),
  })
  .meta({ id: 'TicketDetail' });

const slaExample = { paused: false, first_response: { target_seconds: 14_400, elapsed_seconds: 3_600, due_at: null, breached: false }, resolution: { target_seconds: 86_400, elapsed_seconds: 7_200, due_at: '2026-11-23T09:30:00.000Z', breached: false } };
const ticketExample = {
  object: 'ticket',
  id: 'tkt_01kaz3d4mqf2v8n6w0c1e5rj7t',
  level: 'partner',
  status: 'open',
  priority: 'high',
  category: 'technical',
  subject: 'Integration issue',
  description: 'Customer experiencing webhook failures',
  customer_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t',
  requester: { type: 'api_key', name: 'API key “CRM”' },
  assignee_id: null,
  sla: slaExample,
  first_response_at: '2026-11-22T10:30:00.000Z',
  solved_at: null,
  closed_at: null,
  created_at: '2026-11-22T09:30:00.000Z',
  updated_at: '2026-11-22T10:30:00.000Z',
};
const attachmentExample = { object: 'ticket_attachment', id: 'tka_01kaz3d4mqf2v8n6w0c1e5rj7t', filename: 'webhook-log.pdf', content_type: 'application/pdf', bytes: 48_213, created_at: '2026-11-22T09:30:00.000Z' };
const ticketDetailExample = {
  ...ticketExample,
  attachments: [attachmentExample],
  messages: [{ object: 'ticket_message', id: 'tkm_01kaz3d4mqf2v8n6w0c1e5rj7t', side: 'handler', internal: false, author_name: 'Support team', body: 'We see 502s from your endpoint since 09:00; can you check its logs?', attachments: [], created_at: '2026-11-22T10:30:00.000Z' }],
  history: [{ kind: 'created', actor_name: 'API key “CRM”', detail: { priority: 'high', category: 'technical', attachments: 1 }, created_at: '2026-11-22T09:30:00.000Z' }],
};

const attachmentUpload = z.strictObject({
  filename: z.string().trim().min(1, 'Give the file a name.').max(200).meta({ example: 'webhook-log.pdf' }),
  content_type: z.string().trim().max(100).optional().meta({ description: 'What you say the file is; refused when its content disagrees.', example: 'application/pdf' }),
  content_base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Send the file as standard base64.').min(4, 'The file is empty.').meta({ description: `The file, base64-encoded: PNG, JPEG, GIF, WebP or PDF, at most ${maxAttachmentBytes / 1024 / 1024} MB, checked by its content.` }),
});
const attachmentsField = z.array(attachmentUpload).max(maxAttachmentsPerPost, `Attach at most ${maxAttachmentsPerPost} files at a time.`).optional();

const ticketParams = z.strictObject({ ticket_id: idOf('tkt', 'The ticket’s id.') });
const supportErrors = ['not_found', 'validation_failed', 'forbidden', 'conflict'] as const;
/** Room for a few base64-encoded files. */
const uploadBodyBytes = 8 * 1024 * 1024;

export const createSupportTicketOperation = defineOperation({
  method: 'POST',
  path: '/support/tickets',
  operationId: 'createSupportTicket',
  summary: 'Open a ticket with us',
  description: `Asks the platform’s support team for help, about your own account or about one of your clients (\`customer_id\`). Targets by priority, in working time: urgent 1 h to first response and 8 h to resolution, high 4 h / 24 h, normal 8 h / 72 h, low 24 h / 168 h; the clocks pause while the ticket is pending on you. Attach up to ${maxAttachmentsPerPost} images or PDFs; the request body may be at most 8 MB.`,
  tag: 'Support',
  scope: 'support:write',
  body: z.strictObject({
    customer_id: idOf('cli', 'The client the ticket is about, if any.').optional(),
    subject: z.string().meta({ example: 'Integration issue' }),
    description: z.string().meta({ example: 'Customer experiencing webhook failures' }),
    priority: z.enum(ticketPriorities).default('normal'),
    category: z.enum(ticketCategories).default('other'),
    attachments: attachmentsField,
  }),
  bodyExample: { subject: 'Integration issue', description: 'Customer experiencing webhook failures', priority: 'high', category: 'technical' },
  response: { status: 201, description: 'The ticket, as you see it.', schema: ticketDetailResource, example: ticketDetailExample },
  errors: [...supportErrors, 'payload_too_large'],
  maxBodyBytes: uploadBodyBytes,
});

export const listSupportTicketsOperation = defineOperation({
  method: 'GET',
  path: '/support/tickets',
  operationId: 'listSupportTickets',
  summary: 'List tickets',
  description: 'Your clients’ tickets with you (`level=client`) and yours with us (`level=partner`), newest first, filtered by status, priority, category, client, assignee and missed targets.',
  tag: 'Support',
  scope: 'support:read',
  query: z.strictObject({
    ...listParamsShape,
    level: level.optional(),
    status: z.enum(ticketStatuses).optional(),
    priority: z.enum(ticketPriorities).optional(),
    category: z.enum(ticketCategories).optional(),
    customer_id: idOf('cli', 'Only this client’s tickets.').optional(),
    assignee_id: z.string().min(1).max(64).optional().meta({ description: 'Only tickets assigned to this member of your team.' }),
    breached: z.enum(['true', 'false']).optional().meta({ description: '`true`: only tickets that missed a target.' }),
  }),
  response: { status: 200, description: 'A page of tickets.', schema: pageOf(ticketResource), example: { object: 'list', data: [ticketExample], has_more: false } },
});

export const getSupportTicketOperation = defineOperation({
  method: 'GET',
  path: '/support/tickets/{ticket_id}',
  operationId: 'getSupportTicket',
  summary: 'Get a ticket',
  description: 'One ticket with its replies, files and history. On your own tickets with us you see our public replies only; on your clients’ tickets you see your team’s internal notes too. Another partner’s ticket answers 404.',
  tag: 'Support',
  scope: 'support:read',
  params: ticketParams,
  response: { status: 200, description: 'The ticket.', schema: ticketDetailResource, example: ticketDetailExample },
  errors: ['not_found'],
});

export const updateSupportTicketOperation = defineOperation({
  method: 'PATCH',
  path: '/support/tickets/{ticket_id}',
  operationId: 'updateSupportTicket',
  summary: 'Update a ticket',
  description: 'On your clients’ tickets: change the status, priority, category or assignee (a member of your team). On your own tickets with us you may only mark one `solved`. A move the status cannot make (a closed ticket is final) is 409 `conflict`.',
  tag: 'Support',
  scope: 'support:write',
  params: ticketParams,
  body: z.strictObject({
    status: z.enum(ticketStatuses).optional(),
    priority: z.enum(ticketPriorities).optional(),
    category: z.enum(ticketCategories).optional(),
    assignee_id: z.string().min(1).max(64).nullable().optional().meta({ description: 'A member of your team; null unassigns.' }),
  }),
  bodyExample: { status: 'pending', assignee_id: 'usr_01kaz3d4mqf2v8n6w0c1e5rj7t' },
  response: { status: 200, description: 'The ticket after the change.', schema: ticketDetailResource, example: ticketDetailExample },
  errors: [...supportErrors],
});

export const replyToSupportTicketOperation = defineOperation({
  method: 'POST',
  path: '/support/tickets/{ticket_id}/replies',
  operationId: 'replyToSupportTicket',
  summary: 'Reply to a ticket',
  description: 'Adds a public reply (e-mailed to the other side) or, on your clients’ tickets, an internal note (`internal: true`) that the client never sees. A reply may set the status too (e.g. `pending` while you wait for the client).',
  tag: 'Support',
  scope: 'support:write',
  params: ticketParams,
  body: z.strictObject({
    body: z.string().meta({ example: 'We have replaced the failing route; please retry.' }),
    internal: z.boolean().default(false),
    status: z.enum(ticketStatuses).optional(),
    attachments: attachmentsField,
  }),
  bodyExample: { body: 'We have replaced the failing route; please retry.', status: 'pending' },
  response: { status: 201, description: 'The ticket with the new reply.', schema: ticketDetailResource, example: ticketDetailExample },
  errors: [...supportErrors, 'payload_too_large'],
  maxBodyBytes: uploadBodyBytes,
});

export const getSupportAttachmentOperation = defineOperation({
  method: 'GET',
  path: '/support/tickets/{ticket_id}/attachments/{attachment_id}',
  operationId: 'getSupportAttachment',
  summary: 'Download an attachment',
  description: 'One file of a ticket, base64-encoded. A file of a note you may not see answers 404.',
  tag: 'Support',
  scope: 'support:read',
  params: ticketParams.extend({ attachment_id: idOf('tka', 'The attachment’s id.') }),
  response: {
    status: 200,
    description: 'The file.',
    schema: attachmentResource.extend({ sha256: z.string(), content_base64: z.string() }).meta({ id: 'TicketAttachmentContent' }),
    example: { ...attachmentExample, sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', content_base64: 'JVBERi0xLjQK…' },
  },
  errors: ['not_found'],
});

const countsOf = <T extends readonly string[]>(keys: T) => z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<T[number], z.ZodNumber>);

export const ticketStatisticsResource = z
  .object({
    object: z.literal('ticket_statistics'),
    level,
    total: z.number().int(),
    by_status: countsOf(ticketStatuses),
    by_priority: countsOf(ticketPriorities),
    by_category: countsOf(ticketCategories),
    median_first_response_seconds: z.number().int().nullable().meta({ description: 'Working time to the first public reply; null before any.' }),
    median_resolution_seconds: z.number().int().nullable(),
    breached: z.number().int(),
    breach_rate: z.number().meta({ description: 'Tickets that missed a target over all tickets, 0–1.' }),
    backlog: z.object({ open: z.number().int(), oldest_age_seconds: z.number().int().nullable(), median_age_seconds: z.number().int().nullable() }),
    per_customer: z.array(z.object({ customer_id: z.string(), name: z.string(), total: z.number().int(), open: z.number().int() })).meta({ description: 'The 50 clients with the most tickets.' }),
  })
  .meta({ id: 'TicketStatistics' });

export const getSupportStatisticsOperation = defineOperation({
  method: 'GET',
  path: '/support/statistics',
  operationId: 'getSupportStatistics',
  summary: 'Ticket statistics',
  description: 'Counts by status, priority and category, median first response and resolution (working time), breach rate, backlog age and tickets per client: for your clients’ tickets (`level=client`, the default) or yours with us.',
  tag: 'Support',
  scope: 'support:read',
  query: z.strictObject({ level: level.optional() }),
  response: {
    status: 200,
    description: 'The figures.',
    schema: ticketStatisticsResource,
    example: {
      object: 'ticket_statistics',
      level: 'client',
      total: 12,
      by_status: { new: 2, open: 3, pending: 1, on_hold: 0, solved: 4, closed: 2 },
      by_priority: { low: 2, normal: 6, high: 3, urgent: 1 },
      by_category: { technical: 5, billing: 3, kyc: 1, numbers: 2, whatsapp: 1, other: 0 },
      median_first_response_seconds: 2_700,
      median_resolution_seconds: 64_800,
      breached: 2,
      breach_rate: 0.1667,
      backlog: { open: 6, oldest_age_seconds: 302_400, median_age_seconds: 86_400 },
      per_customer: [{ customer_id: 'cli_01kaz3d4mqf2v8n6w0c1e5rj7t', name: 'Bluebird Logistics', total: 5, open: 2 }],
    },
  },
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const seconds = (ms: number) => Math.round(ms / 1000);

type TicketRow = TicketView['ticket'];
type Sla = TicketView['sla'];

const slaOf = (sla: Sla) => ({
  paused: sla.paused,
  first_response: { target_seconds: seconds(sla.firstResponse.targetMs), elapsed_seconds: seconds(sla.firstResponse.elapsedMs), due_at: iso(sla.firstResponse.dueAt), breached: sla.firstResponse.breached },
  resolution: { target_seconds: seconds(sla.resolution.targetMs), elapsed_seconds: seconds(sla.resolution.elapsedMs), due_at: iso(sla.resolution.dueAt), breached: sla.resolution.breached },
});

export const toTicketResource = (t: TicketRow, sla: Sla) => ({
  object: 'ticket' as const,
  id: t.id,
  level: t.level,
  status: t.status,
  priority: t.priority,
  category: t.category,
  subject: t.subject,
  description: t.description,
  customer_id: t.clientId,
  requester: { type: t.requesterType, name: t.requesterName },
  assignee_id: t.assigneeId,
  sla: slaOf(sla),
  first_response_at: iso(t.firstResponseAt),
  solved_at: iso(t.solvedAt),
  closed_at: iso(t.closedAt),
  created_at: t.createdAt.toISOString(),
  updated_at: t.updatedAt.toISOString(),
});

const toAttachment = (a: TicketView['attachments'][number]) => ({ object: 'ticket_attachment' as const, id: a.id, filename: a.filename, content_type: a.contentType, bytes: a.bytes, created_at: a.createdAt.toISOString() });

export const toTicketDetailResource = (view: TicketView) => ({
  ...toTicketResource(view.ticket, view.sla),
  attachments: view.attachments.filter((a) => a.messageId === null).map(toAttachment),
  messages: view.messages.map((m) => ({
    object: 'ticket_message' as const,
    id: m.id,
    side: m.side,
    internal: m.visibility === 'internal',
    author_name: m.authorName,
    body: m.body,
    attachments: view.attachments.filter((a) => a.messageId === m.id).map(toAttachment),
    created_at: m.createdAt.toISOString(),
  })),
  history: view.history.map((h) => ({ kind: h.kind, actor_name: h.actorName, detail: h.detail, created_at: h.createdAt.toISOString() })),
});

export const toTicketListResource = (page: Awaited<ReturnType<typeof listTickets>>) => ({ object: 'list' as const, data: page.data.map((row) => toTicketResource(row.ticket, row.sla)), has_more: page.has_more });

export const toStatisticsResource = (s: TicketStatistics) => ({
  object: 'ticket_statistics' as const,
  level: s.level,
  total: s.total,
  by_status: s.byStatus,
  by_priority: s.byPriority,
  by_category: s.byCategory,
  median_first_response_seconds: s.medianFirstResponseSeconds,
  median_resolution_seconds: s.medianResolutionSeconds,
  breached: s.breached,
  breach_rate: Math.round(s.breachRate * 10_000) / 10_000,
  backlog: { open: s.backlog.open, oldest_age_seconds: s.backlog.oldestAgeSeconds, median_age_seconds: s.backlog.medianAgeSeconds },
  per_customer: s.perClient.map((c) => ({ customer_id: c.clientId, name: c.name, total: c.total, open: c.open })),
});

/** Files sent over the API as base64, as the domain receives them. */
export const decodeUploads = (files: { filename: string; content_type?: string; content_base64: string }[] | undefined) =>
  files?.map((f) => ({ filename: f.filename, contentType: f.content_type, bytes: Buffer.from(f.content_base64, 'base64') }));
