'use client';

import Link from 'next/link';
import { partnerStatusTone } from '@/components/console/status-tones';
import { Badge } from '@/components/ui/badge';
import { createDataTableColumnHelper, DataTable, type DataTableProps } from '@/components/ui/data-table';

export type PartnerRow = {
  id: string;
  slug: string;
  name: string;
  tier: 'standard' | 'premium' | 'enterprise';
  status: 'active' | 'suspended';
  /** Counted up to a cap; `clientCountAtLeast` when the partner has that many or more. */
  clientCount: number;
  clientCountAtLeast: boolean;
  domainCount: number;
  createdAt: Date;
};

const column = createDataTableColumnHelper<PartnerRow>();

const columns = [
  column.accessor('name', {
    header: 'Partner',
    cell: ({ row }) => (
      <Link href={`/admin/partners/${row.original.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
        {row.original.name}
      </Link>
    ),
  }),
  column.accessor('slug', { header: 'Slug', cell: ({ getValue }) => <span className="font-mono text-xs">{getValue()}</span> }),
  column.accessor('tier', { header: 'Tier', cell: ({ getValue }) => <span className="capitalize">{getValue()}</span> }),
  column.accessor('status', { header: 'Status', enableSorting: false, cell: ({ getValue }) => <Badge tone={partnerStatusTone[getValue()]}>{getValue()}</Badge> }),
  column.accessor('clientCount', {
    header: 'Clients',
    enableSorting: false,
    cell: ({ row }) => `${row.original.clientCount.toLocaleString('en-US')}${row.original.clientCountAtLeast ? '+' : ''}`,
    meta: { className: 'text-right tabular-nums' },
  }),
  column.accessor('domainCount', { header: 'Custom domains', enableSorting: false, meta: { className: 'text-right tabular-nums' } }),
  column.accessor('createdAt', { header: 'Created', cell: ({ getValue }) => getValue().toISOString().slice(0, 10) }),
];

export function PartnersTable(props: Omit<DataTableProps<PartnerRow>, 'columns' | 'caption'>) {
  return <DataTable {...props} columns={columns} caption="Partners" getRowId={(row) => row.id} />;
}
