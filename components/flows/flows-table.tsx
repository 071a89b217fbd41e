'use client';

import Link from 'next/link';
import { createDataTableColumnHelper, DataTable, type DataTableProps } from '@/components/ui/data-table';

export type FlowTableRow = { id: string; name: string; clientName: string; agentExtension: string; transferTo: string | null; bot: boolean; runsOn: string | null };

type Props = Omit<DataTableProps<FlowTableRow>, 'columns' | 'caption' | 'getRowId'>;

export function FlowsTable(props: Props) {
  const column = createDataTableColumnHelper<FlowTableRow>();
  const columns = [
    column.accessor('name', {
      header: 'Flow',
      enableSorting: false,
      cell: ({ row }) => (
        <Link href={`/flows/${row.original.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
          {row.original.name}
        </Link>
      ),
    }),
    column.accessor('clientName', { header: 'Client', enableSorting: false }),
    column.accessor('runsOn', { header: 'Runs on', enableSorting: false, cell: ({ getValue }) => getValue() ?? <span className="text-slate-500">no number</span> }),
    column.accessor('agentExtension', { header: 'Agent', enableSorting: false, cell: ({ row }) => <span className="font-mono tabular-nums">{row.original.bot ? `bot, then ${row.original.agentExtension}` : row.original.agentExtension}</span> }),
    column.accessor('transferTo', { header: 'Transfer to', enableSorting: false, cell: ({ getValue }) => getValue() ?? <span className="text-slate-500">—</span> }),
  ];
  return <DataTable {...props} columns={columns} caption="Call flows" getRowId={(row) => row.id} />;
}
