import { z } from 'zod';
import { ticketCategories, ticketPriorities, ticketStatuses } from './policy';

const subject = z.string().trim().min(3, 'Use at least 3 characters.').max(200, 'Use at most 200 characters.');
const text = z.string().trim().min(1, 'This field is required.').max(20_000, 'Use at most 20,000 characters.');
const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().trim().min(1).max(64).optional());

/** A file as the domain receives it, from a form's upload or the API's base64. */
export type AttachmentInput = { filename: string; contentType?: string; bytes: Buffer };

/** Opening a ticket: the same fields at both levels (a client member's ticket names no client: it is its own). */
export const openTicketSchema = z.object({
  subject,
  description: text,
  priority: z.enum(ticketPriorities, 'Choose low, normal, high or urgent.').default('normal'),
  category: z.enum(ticketCategories, 'Choose technical, billing, kyc, numbers, whatsapp or other.').default('other'),
  /** Level `partner` only: the client the ticket is about. */
  clientId: optionalId,
});

export const replySchema = z.object({
  body: text,
  /** An internal note: only the handling team ever sees it. */
  internal: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()).default(false),
  /** The handling team may set a status with its reply (e.g. pending on the requester, or solved). */
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(ticketStatuses, 'Choose a status.').optional()),
});

export const updateTicketSchema = z
  .object({
    status: z.enum(ticketStatuses, 'Choose a status.').optional(),
    priority: z.enum(ticketPriorities, 'Choose low, normal, high or urgent.').optional(),
    category: z.enum(ticketCategories, 'Choose a category.').optional(),
    /** A member of the handling team; null (or an empty choice) leaves it unassigned. */
    assigneeId: z.preprocess((v) => (v === '' ? null : v), z.string().trim().min(1).max(64).nullable().optional()),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Change at least one of status, priority, category or assignee.', path: ['status'] });

export const listTicketsSchema = z.object({
  level: z.enum(['client', 'partner']).optional(),
  status: z.enum(ticketStatuses).optional(),
  priority: z.enum(ticketPriorities).optional(),
  category: z.enum(ticketCategories).optional(),
  clientId: optionalId,
  assigneeId: optionalId,
  /** Only tickets whose first-response or resolution target was missed. */
  breached: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean().optional()),
  limit: z.number().int().min(1).max(100).default(20),
  starting_after: z.string().min(1).max(64).optional(),
  ending_before: z.string().min(1).max(64).optional(),
});
