import type { FilterDef } from '@/lib/tables/table-params';
import { categoryLabels, priorityLabels, statusLabels, ticketCategories, ticketPriorities, ticketStatuses } from './policy';
import type { listTickets } from './list-tickets';

/** The filters every ticket list offers, read from and written to the URL by the data table. */
export const ticketTableFilters = [
  { id: 'status', label: 'Status', options: ticketStatuses.map((value) => ({ value, label: statusLabels[value] })) },
  { id: 'priority', label: 'Priority', options: ticketPriorities.map((value) => ({ value, label: priorityLabels[value] })) },
  { id: 'category', label: 'Category', options: ticketCategories.map((value) => ({ value, label: categoryLabels[value] })) },
  { id: 'breached', label: 'SLA', options: [{ value: 'true', label: 'Missed a target' }] },
] as const satisfies readonly FilterDef[];

type Page = Awaited<ReturnType<typeof listTickets>>;

/** A page of tickets as table rows; `from` says who asked, as the page's reader thinks of them. */
export function ticketRows(page: Page, hrefOf: (id: string) => string, from: (row: Page['data'][number]) => string) {
  return page.data.map((row) => ({
    id: row.ticket.id,
    href: hrefOf(row.ticket.id),
    subject: row.ticket.subject,
    from: from(row),
    status: row.ticket.status,
    priority: row.ticket.priority,
    category: row.ticket.category,
    categoryLabel: categoryLabels[row.ticket.category],
    breached: row.sla.firstResponse.breached || row.sla.resolution.breached,
    test: row.partner.kind === 'sandbox',
    updatedAt: row.ticket.updatedAt,
  }));
}
