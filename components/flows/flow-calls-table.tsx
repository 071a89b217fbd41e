'use client';

import { Time } from '@/components/console/time';
import { Badge } from '@/components/ui/badge';
import { createDataTableColumnHelper, DataTable, type DataTableProps } from '@/components/ui/data-table';

export type FlowCallTableRow = { id: string; startedAt: string; number: string; flowName: string; outcome: string; path: string };

type Props = Omit<DataTableProps<FlowCallTableRow>, 'columns' | 'caption' | 'getRowId'>;

export function FlowCallsTable(props: Props) {
  const column = createDataTableColumnHelper<FlowCallTableRow>();
  const columns = [
    column.accessor('startedAt', { header: 'Started', enableSorting: false, cell: ({ getValue }) => <Time value={getValue()} /> }),
    column.accessor('number', { header: 'Number', enableSorting: false, cell: ({ getValue }) => <span className="font-mono tabular-nums">{getValue()}</span> }),
    column.accessor('flowName', { header: 'Flow', enableSorting: false }),
    column.accessor('outcome', { header: 'Outcome', enableSorting: false, cell: ({ getValue }) => <Badge tone={getValue() === 'agent' || getValue() === 'bot' ? 'success' : 'neutral'}>{getValue()}</Badge> }),
    column.accessor('path', { header: 'Path', enableSorting: false, cell: ({ getValue }) => <span className="text-xs text-slate-700" data-path>{getValue()}</span> }),
  ];
  return <DataTable {...props} columns={columns} caption="Calls through flows" getRowId={(row) => row.id} />;
}
