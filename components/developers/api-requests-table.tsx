'use client';

import { httpStatusTone } from '@/components/console/status-tones';
import { Time } from '@/components/console/time';
import { Badge } from '@/components/ui/badge';
import { createDataTableColumnHelper, DataTable, type DataTableProps } from '@/components/ui/data-table';

import type { ApiRequestRow } from '@/lib/api/list-api-requests';

export type ApiRequestTableRow = Omit<ApiRequestRow, 'apiKeyId'>;

const column = createDataTableColumnHelper<ApiRequestTableRow>();

const columns = [
  column.accessor('createdAt', { header: 'Time', cell: ({ getValue }) => <Time value={getValue()} withSeconds /> }),
  column.accessor('status', { header: 'Status', enableSorting: false, cell: ({ getValue }) => <Badge tone={httpStatusTone(getValue())}>{getValue()}</Badge> }),
  column.accessor('method', { header: 'Method', enableSorting: false, cell: ({ getValue }) => <span className="font-mono text-xs">{getValue()}</span> }),
  column.accessor('path', { header: 'Path', enableSorting: false, cell: ({ getValue }) => <span className="font-mono text-xs break-all">{getValue()}</span> }),
  column.accessor('durationMs', { header: 'Duration', enableSorting: false, meta: { className: 'text-right tabular-nums whitespace-nowrap' }, cell: ({ getValue }) => `${getValue()} ms` }),
  column.accessor('requestId', { header: 'Request id', enableSorting: false, cell: ({ getValue }) => <span className="font-mono text-xs">{getValue()}</span> }),
  column.accessor('errorCode', { header: 'Error code', enableSorting: false, cell: ({ getValue }) => (getValue() ? <code className="text-xs">{getValue()}</code> : <span className="text-slate-400">—</span>) }),
];

export function ApiRequestsTable(props: Omit<DataTableProps<ApiRequestTableRow>, 'columns' | 'caption'>) {
  return <DataTable {...props} columns={columns} caption="API requests" getRowId={(row) => row.id} />;
}
