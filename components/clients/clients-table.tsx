'use client';

import Link from 'next/link';
import { clientStatusTone } from '@/components/console/status-tones';
import { Time } from '@/components/console/time';
import { Badge } from '@/components/ui/badge';
import { createDataTableColumnHelper, DataTable, type DataTableProps } from '@/components/ui/data-table';

import type { ClientListRow } from '@/lib/clients/search-clients';

export type ClientTableRow = ClientListRow;

const column = createDataTableColumnHelper<ClientTableRow>();

const columns = [
  column.accessor('name', {
    header: 'Client',
    cell: ({ row }) => (
      <span>
        <Link href={`/clients/${row.original.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
          {row.original.name}
        </Link>
        <span className="block text-xs text-slate-600">{row.original.email}</span>
      </span>
    ),
  }),
  column.accessor('status', { header: 'Status', enableSorting: false, cell: ({ getValue }) => <Badge tone={clientStatusTone[getValue()]}>{getValue()}</Badge> }),
  column.accessor('kycCompleted', {
    header: 'KYC',
    enableSorting: false,
    cell: ({ getValue }) => (getValue() ? <Badge tone="success">completed</Badge> : <Badge tone="neutral">not onboarded</Badge>),
  }),
  column.accessor('createdAt', { header: 'Created', cell: ({ getValue }) => <Time value={getValue()} /> }),
];

export function ClientsTable(props: Omit<DataTableProps<ClientTableRow>, 'columns' | 'caption' | 'getRowId'>) {
  return <DataTable {...props} columns={columns} caption="Clients" getRowId={(row) => row.id} />;
}
