/**
 * The names of a ticket's states and kinds, with their labels: plain data, shared by the schema, the domain and
 * the browser's components (so nothing server-only comes with it).
 */
export const ticketStatuses = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export const ticketCategories = ['technical', 'billing', 'kyc', 'numbers', 'whatsapp', 'other'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];
export type TicketPriority = (typeof ticketPriorities)[number];
export type TicketCategory = (typeof ticketCategories)[number];

export const statusLabels: Record<TicketStatus, string> = { new: 'New', open: 'Open', pending: 'Pending on requester', on_hold: 'On hold', solved: 'Solved', closed: 'Closed' };
export const priorityLabels: Record<TicketPriority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };
export const categoryLabels: Record<TicketCategory, string> = { technical: 'Technical', billing: 'Billing', kyc: 'KYC', numbers: 'Numbers', whatsapp: 'WhatsApp', other: 'Other' };
