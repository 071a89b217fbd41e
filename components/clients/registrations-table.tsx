'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { ConfirmAction } from '@/components/console/confirm-action';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { createDataTableColumnHelper, DataTable, type DataTableProps } from '@/components/ui/data-table';
import type { FormState } from '@/lib/actions/form-state';

export type RegistrationTableRow = {
  id: string;
  name: string;
  email: string;
  mobile: string;
  stage: string;
  nextStep: string;
  /** How long ago it was started, in words ("3 days"). */
  age: string;
  source: 'api' | 'console' | 'link';
  errors: string[];
};

type Props = Omit<DataTableProps<RegistrationTableRow>, 'columns' | 'caption' | 'getRowId'> & {
  cancelAction: (state: FormState, formData: FormData) => Promise<FormState>;
};

const column = createDataTableColumnHelper<RegistrationTableRow>();

function columnsFor(cancelAction: Props['cancelAction']) {
  return [
    column.accessor('name', {
      header: 'Prospect',
      enableSorting: false,
      cell: ({ row }) => (
        <span>
          <span className="font-medium text-slate-900">{row.original.name}</span>
          <span className="block text-xs text-slate-600">{row.original.email}</span>
          <span className="block text-xs text-slate-600">{row.original.mobile}</span>
        </span>
      ),
    }),
    column.accessor('stage', {
      header: 'Stage',
      enableSorting: false,
      cell: ({ row }) => (
        <span>
          <Badge tone="warning">{row.original.stage}</Badge>
          <span className="block text-xs text-slate-600">{row.original.nextStep}</span>
        </span>
      ),
    }),
    column.accessor('age', { header: 'Age', enableSorting: false, meta: { className: 'whitespace-nowrap' } }),
    column.accessor('source', { header: 'Source', enableSorting: false, cell: ({ getValue }) => <Badge>{getValue()}</Badge> }),
    column.accessor('errors', {
      header: 'Errors',
      enableSorting: false,
      cell: ({ getValue }) =>
        getValue().length ? (
          <ul className="space-y-0.5 text-xs text-red-700">
            {getValue().map((error) => <li key={error}>{error}</li>)}
          </ul>
        ) : (
          <span className="text-slate-400">—</span>
        ),
    }),
    column.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      meta: { className: 'text-right whitespace-nowrap' },
      cell: ({ row }) => (
        <span className="inline-flex items-center gap-2">
          <Link href={`/clients/new/${row.original.id}`} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
            Resume<span className="sr-only"> {row.original.name}</span>
          </Link>
          <ConfirmAction
            action={cancelAction}
            fields={{ registrationId: row.original.id }}
            triggerLabel={<>Cancel<span className="sr-only"> {row.original.name}</span></>}
            triggerSize="sm"
            triggerVariant="ghost"
            tone="danger"
            title={`Cancel the registration of ${row.original.name}?`}
            description="The prospect can no longer continue it; they would have to register again. Nothing else is deleted."
            confirmLabel="Cancel registration"
            cancelLabel="Keep it"
          />
        </span>
      ),
    }),
  ];
}

export function RegistrationsTable({ cancelAction, ...props }: Props) {
  const columns = useMemo(() => columnsFor(cancelAction), [cancelAction]);
  return <DataTable {...props} columns={columns} caption="Pending registrations" getRowId={(row) => row.id} />;
}
