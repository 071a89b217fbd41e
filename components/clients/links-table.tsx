'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { ConfirmAction } from '@/components/console/confirm-action';
import { onboardingLinkStatusTone, registrationStatusTone } from '@/components/console/status-tones';
import { Time } from '@/components/console/time';
import { Badge } from '@/components/ui/badge';
import { createDataTableColumnHelper, DataTable, type DataTableProps } from '@/components/ui/data-table';
import type { FormState } from '@/lib/actions/form-state';

export type LinkTableRow = {
  id: string;
  status: 'active' | 'used' | 'revoked' | 'expired';
  /** Who the link was made for, from its prefill ("Priya · priya@example.com"), if anyone. */
  recipient: string | null;
  note: string | null;
  registration: { id: string; name: string; status: 'pending' | 'completed' | 'cancelled' | 'expired' } | null;
  clientId: string | null;
  expiresAt: Date;
  createdAt: Date;
};

type Props = Omit<DataTableProps<LinkTableRow>, 'columns' | 'caption' | 'getRowId'> & {
  revokeAction: (state: FormState, formData: FormData) => Promise<FormState>;
};

const column = createDataTableColumnHelper<LinkTableRow>();

function LedTo({ row }: { row: LinkTableRow }) {
  if (row.clientId) {
    return (
      <Link href={`/clients/${row.clientId}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
        Client {row.registration?.name ?? row.clientId}
      </Link>
    );
  }
  if (!row.registration) return <span className="text-slate-400">Not opened yet</span>;
  return (
    <span>
      {row.registration.status === 'pending' ? (
        <Link href={`/clients/new/${row.registration.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
          Registration of {row.registration.name}
        </Link>
      ) : (
        <>Registration of {row.registration.name}</>
      )}{' '}
      <Badge tone={registrationStatusTone[row.registration.status]}>{row.registration.status}</Badge>
    </span>
  );
}

function columnsFor(revokeAction: Props['revokeAction']) {
  return [
    column.accessor('createdAt', { header: 'Created', enableSorting: false, cell: ({ getValue }) => <Time value={getValue()} /> }),
    column.accessor('recipient', { header: 'For', enableSorting: false, cell: ({ getValue }) => getValue() ?? <span className="text-slate-400">Anyone with the link</span> }),
    column.accessor('note', { header: 'Note', enableSorting: false, cell: ({ getValue }) => getValue() ?? <span className="text-slate-400">—</span> }),
    column.accessor('status', { header: 'Status', enableSorting: false, cell: ({ getValue }) => <Badge tone={onboardingLinkStatusTone[getValue()]}>{getValue()}</Badge> }),
    column.display({ id: 'ledTo', header: 'Led to', cell: ({ row }) => <LedTo row={row.original} /> }),
    column.accessor('expiresAt', { header: 'Expires', enableSorting: false, cell: ({ getValue }) => <Time value={getValue()} /> }),
    column.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      meta: { className: 'text-right' },
      cell: ({ row }) =>
        row.original.status === 'active' ? (
          <ConfirmAction
            action={revokeAction}
            fields={{ linkId: row.original.id }}
            triggerLabel={<>Revoke<span className="sr-only"> the link {row.original.recipient ? `for ${row.original.recipient}` : row.original.id}</span></>}
            triggerSize="sm"
            triggerVariant="ghost"
            tone="danger"
            title="Revoke this onboarding link?"
            description="Whoever has it can no longer start or continue onboarding with it. A registration already started stays as it is."
            confirmLabel="Revoke link"
          />
        ) : null,
    }),
  ];
}

export function LinksTable({ revokeAction, ...props }: Props) {
  const columns = useMemo(() => columnsFor(revokeAction), [revokeAction]);
  return <DataTable {...props} columns={columns} caption="Onboarding links" getRowId={(row) => row.id} />;
}
