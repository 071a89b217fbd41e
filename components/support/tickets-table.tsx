'use client';

import Link from 'next/link';
import { Time } from '@/components/console/time';
import { createDataTableColumnHelper, DataTable, type DataTableProps } from '@/components/ui/data-table';
import type { TicketCategory, TicketPriority, TicketStatus } from '@/lib/support/labels';
import { BreachBadge, PriorityBadge, StatusBadge } from './ticket-badges';

export type TicketTableRow = {
  id: string;
  href: string;
  subject: string;
  /** Who asked: the client (a partner's view) or the partner, and the client it is about (the operator's view). */
  from: string;
  status: TicketStatus;
  priority: TicketPriority;
  category: TicketCategory;
  categoryLabel: string;
  breached: boolean;
  test: boolean;
  updatedAt: Date;
};

const column = createDataTableColumnHelper<TicketTableRow>();

const columns = [
  column.accessor('subject', {
    header: 'Subject',
    enableSorting: false,
    cell: ({ row }) => (
      <Link href={row.original.href} className="font-medium text-slate-900 underline-offset-2 hover:underline">
        {row.original.subject}
      </Link>
    ),
  }),
  column.accessor('from', { header: 'From', enableSorting: false, cell: ({ row }) => <span>{row.original.from}{row.original.test ? <span className="ml-1 text-xs text-amber-700">(test)</span> : null}</span> }),
  column.accessor('status', { header: 'Status', enableSorting: false, cell: ({ row }) => <StatusBadge status={row.original.status} /> }),
  column.accessor('priority', {
    header: 'Priority',
    enableSorting: false,
    cell: ({ row }) => (
      <span className="flex flex-wrap gap-1">
        <PriorityBadge priority={row.original.priority} />
        {row.original.breached ? <BreachBadge /> : null}
      </span>
    ),
  }),
  column.accessor('categoryLabel', { header: 'Category', enableSorting: false }),
  column.accessor('updatedAt', { header: 'Updated', enableSorting: false, cell: ({ getValue }) => <Time value={getValue()} /> }),
];

export function TicketsTable(props: Omit<DataTableProps<TicketTableRow>, 'columns' | 'caption'>) {
  return <DataTable {...props} columns={columns} caption="Support tickets" />;
}
