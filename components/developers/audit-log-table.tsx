'use client';

import { Time } from '@/components/console/time';
import { createDataTableColumnHelper, DataTable, type DataTableProps } from '@/components/ui/data-table';

export type AuditTableRow = {
  id: string;
  createdAt: Date;
  /** Who, in words ("Asha Owner", "API key “CRM sync”", "Operator staff"). */
  actor: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  ip: string | null;
  /** Compact JSON, or null when the entry has no such state. */
  before: string | null;
  after: string | null;
};

const column = createDataTableColumnHelper<AuditTableRow>();

const columns = [
  column.accessor('createdAt', { header: 'Time', enableSorting: false, cell: ({ getValue }) => <Time value={getValue()} withSeconds /> }),
  column.accessor('actor', {
    header: 'Actor',
    enableSorting: false,
    cell: ({ row }) => (
      <span>
        {row.original.actor}
        {row.original.actorId ? <span className="block font-mono text-xs text-slate-500">{row.original.actorId}</span> : null}
      </span>
    ),
  }),
  column.accessor('action', { header: 'Action', enableSorting: false, cell: ({ getValue }) => <code className="text-xs">{getValue()}</code> }),
  column.accessor('targetId', {
    header: 'Target',
    enableSorting: false,
    cell: ({ row }) => (
      <span>
        {row.original.targetType.replaceAll('_', ' ')}
        {row.original.targetId ? <span className="block font-mono text-xs break-all text-slate-500">{row.original.targetId}</span> : null}
      </span>
    ),
  }),
  column.accessor('ip', { header: 'IP', enableSorting: false, cell: ({ getValue }) => (getValue() ? <span className="font-mono text-xs">{getValue()}</span> : <span className="text-slate-400">—</span>) }),
];

function Changes({ row }: { row: AuditTableRow }) {
  if (!row.before && !row.after) return null;
  return (
    <details className="rounded-md border border-slate-200 bg-slate-50 text-sm">
      <summary className="cursor-pointer px-3 py-1.5 text-slate-700 select-none hover:text-slate-900">
        Before and after <span className="sr-only">of {row.action} at {row.createdAt.toISOString()}</span>
      </summary>
      <dl className="grid gap-x-3 gap-y-1 border-t border-slate-200 px-3 py-2 sm:grid-cols-[auto_1fr]">
        {row.before ? (
          <>
            <dt className="text-slate-600">Before</dt>
            <dd>
              <code className="font-mono text-xs break-all">{row.before}</code>
            </dd>
          </>
        ) : null}
        {row.after ? (
          <>
            <dt className="text-slate-600">After</dt>
            <dd>
              <code className="font-mono text-xs break-all">{row.after}</code>
            </dd>
          </>
        ) : null}
      </dl>
    </details>
  );
}

export function AuditLogTable(props: Omit<DataTableProps<AuditTableRow>, 'columns' | 'caption' | 'renderDetails' | 'getRowId'>) {
  return <DataTable {...props} columns={columns} caption="Audit log" getRowId={(row) => row.id} renderDetails={(row) => (row.before || row.after ? <Changes row={row} /> : null)} />;
}
