'use client';

import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { createDataTableColumnHelper, DataTable, type DataTableProps } from '@/components/ui/data-table';
import type { FormState } from '@/lib/actions/form-state';
import { availabilityLabel, availabilityTone, type AvailabilityState } from './availability';
import { AvailabilityToggle } from './availability-toggle';

export type AgentTableRow = {
  id: string;
  name: string;
  email: string;
  clientName: string;
  extension: string;
  permissionGroup: string;
  status: 'active' | 'inactive';
  availability: AvailabilityState;
  queued: 'available' | 'break' | 'offline' | null;
};

type Props = Omit<DataTableProps<AgentTableRow>, 'columns' | 'caption' | 'getRowId'> & { setAvailability: (state: FormState, formData: FormData) => Promise<FormState> };

export function AgentsTable({ setAvailability, ...props }: Props) {
  const column = createDataTableColumnHelper<AgentTableRow>();
  const columns = [
    column.accessor('name', {
      header: 'Agent',
      enableSorting: false,
      cell: ({ row }) => (
        <span>
          <Link href={`/agents/${row.original.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
            {row.original.name}
          </Link>
          <span className="block text-xs text-slate-600">{row.original.email}</span>
        </span>
      ),
    }),
    column.accessor('clientName', { header: 'Client', enableSorting: false }),
    column.accessor('extension', { header: 'Extension', enableSorting: false, cell: ({ getValue }) => <span className="font-mono tabular-nums">{getValue()}</span> }),
    column.accessor('permissionGroup', { header: 'Group', enableSorting: false }),
    column.accessor('availability', {
      header: 'Availability',
      enableSorting: false,
      cell: ({ row }) =>
        row.original.status === 'inactive' ? (
          <Badge tone="neutral">deactivated</Badge>
        ) : (
          <span className="flex flex-col items-start gap-1">
            <Badge tone={availabilityTone[row.original.availability]}>{availabilityLabel[row.original.availability]}</Badge>
            {row.original.queued ? <span className="text-xs text-slate-600">then {availabilityLabel[row.original.queued].toLowerCase()} after the call</span> : null}
          </span>
        ),
    }),
    column.display({
      id: 'toggle',
      header: 'Set',
      cell: ({ row }) =>
        row.original.status === 'active' ? <AvailabilityToggle agentId={row.original.id} agentName={row.original.name} availability={row.original.availability} queued={row.original.queued} action={setAvailability} /> : null,
    }),
  ];
  return <DataTable {...props} columns={columns} caption="Agents" getRowId={(row) => row.id} />;
}
