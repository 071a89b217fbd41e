import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { actorType } from './audit';
import { clients } from './clients';
import { createdAt, idColumn, updatedAt } from './columns';
import { partners } from './partners';
import { ticketCategories, ticketPriorities, ticketStatuses } from '@/lib/support/labels';

/**
 * Support tickets at two levels on one engine. `client`: a client's member asks its partner (the partner's team
 * handles it). `partner`: a partner asks the operator about itself or one of its clients (operator staff handle
 * it). Every ticket carries the partner it belongs to, so each query of it is scoped by partner like any other
 * tenant row; the operator's queue is the `partner` level across partners.
 */
export const ticketLevel = pgEnum('ticket_level', ['client', 'partner']);
export const ticketStatus = pgEnum('ticket_status', ticketStatuses);
export const ticketPriority = pgEnum('ticket_priority', ticketPriorities);
export const ticketCategory = pgEnum('ticket_category', ticketCategories);
export const ticketVisibility = pgEnum('ticket_visibility', ['public', 'internal']);

export const supportTickets = pgTable(
  'support_tickets',
  {
    id: idColumn('ticket'),
    level: ticketLevel('level').notNull(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    /** The requesting client (level `client`), or the client a partner's ticket is about (level `partner`, optional). */
    clientId: text('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    requesterType: actorType('requester_type').notNull(),
    requesterId: text('requester_id'),
    requesterName: text('requester_name').notNull(),
    /** Where requester mail goes; null when the requester was an API key (mail then goes to the partner's admins). */
    requesterEmail: text('requester_email'),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    priority: ticketPriority('priority').notNull().default('normal'),
    category: ticketCategory('category').notNull().default('other'),
    status: ticketStatus('status').notNull().default('new'),
    /** A partner user (level `client`) or an operator user (level `partner`). */
    assigneeId: text('assignee_id'),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    solvedAt: timestamp('solved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /**
     * SLA clocks. Each due time is moved on by the length of every pause (status `pending`, waiting on the
     * requester) when the pause ends, so a due time in the past means the target was missed by working time.
     * `paused_ms` is the total paused so far, `paused_since` the start of the pause in progress.
     */
    firstResponseDueAt: timestamp('first_response_due_at', { withTimezone: true }).notNull(),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }).notNull(),
    pausedMs: bigint('paused_ms', { mode: 'number' }).notNull().default(0),
    pausedSince: timestamp('paused_since', { withTimezone: true }),
    /** Working time (pauses excluded) from opening to the first public reply of the handling team, and to solving. */
    firstResponseMs: bigint('first_response_ms', { mode: 'number' }),
    resolutionMs: bigint('resolution_ms', { mode: 'number' }),
    firstResponseBreachedAt: timestamp('first_response_breached_at', { withTimezone: true }),
    resolutionBreachedAt: timestamp('resolution_breached_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Lists newest first, filtered by level and by status, priority, category or client: each a walk of one index.
    index('support_tickets_partner_level_idx').on(t.partnerId, t.level, t.id),
    index('support_tickets_partner_level_status_idx').on(t.partnerId, t.level, t.status, t.id),
    index('support_tickets_partner_level_priority_idx').on(t.partnerId, t.level, t.priority, t.id),
    index('support_tickets_partner_level_category_idx').on(t.partnerId, t.level, t.category, t.id),
    index('support_tickets_partner_client_idx').on(t.partnerId, t.clientId, t.id),
    index('support_tickets_partner_assignee_idx').on(t.partnerId, t.assigneeId, t.id),
    // The operator's queue crosses partners.
    index('support_tickets_level_status_idx').on(t.level, t.status, t.id),
    // The worker's look-ups: clocks still running, and solved tickets waiting to close.
    index('support_tickets_first_response_due_idx').on(t.firstResponseDueAt).where(sql`${t.firstResponseAt} is null and ${t.firstResponseBreachedAt} is null and ${t.pausedSince} is null`),
    index('support_tickets_resolution_due_idx').on(t.resolutionDueAt).where(sql`${t.solvedAt} is null and ${t.resolutionBreachedAt} is null and ${t.pausedSince} is null`),
    index('support_tickets_solved_idx').on(t.solvedAt).where(sql`${t.status} = 'solved'`),
  ],
);

/** Replies: public ones the requester reads, internal notes only the handling team ever sees. */
export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: idColumn('ticketMessage'),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => supportTickets.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    authorType: actorType('author_type').notNull(),
    authorId: text('author_id'),
    authorName: text('author_name').notNull(),
    /** Whether the author was on the requester's side or the handling team's. */
    side: text('side', { enum: ['requester', 'handler'] }).notNull(),
    visibility: ticketVisibility('visibility').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('ticket_messages_ticket_idx').on(t.ticketId, t.id)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Files attached to a ticket's description or to one of its messages (then visible as that message is). Kept
 * in PostgreSQL, size-limited and content-checked, so the embedded database and a real one behave the same and
 * every app instance can serve them.
 */
export const ticketAttachments = pgTable(
  'ticket_attachments',
  {
    id: idColumn('ticketAttachment'),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => supportTickets.id, { onDelete: 'cascade' }),
    messageId: text('message_id').references(() => ticketMessages.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('ticket_attachments_ticket_idx').on(t.ticketId, t.id)],
);

/** Everything that happened to a ticket, in order: the ticket's own history beside the audit log. */
export const ticketHistory = pgTable(
  'ticket_history',
  {
    id: idColumn('ticketHistory'),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => supportTickets.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    actorType: actorType('actor_type').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull(),
    kind: text('kind', { enum: ['created', 'status_changed', 'assigned', 'priority_changed', 'category_changed', 'replied', 'note_added', 'attachment_added', 'sla_breached', 'auto_closed'] }).notNull(),
    /** Internal entries (notes and their files, assignments) are shown to the handling team only. */
    internal: boolean('internal').notNull().default(false),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('ticket_history_ticket_idx').on(t.ticketId, t.id)],
);

export type SupportTicket = typeof supportTickets.$inferSelect;
export type TicketMessage = typeof ticketMessages.$inferSelect;
export type TicketAttachment = typeof ticketAttachments.$inferSelect;
export type TicketHistoryEntry = typeof ticketHistory.$inferSelect;
