'use client';

import Link from 'next/link';
import { Time } from '@/components/console/time';
import { ActionForm } from '@/components/console/action-form';
import { createDataTableColumnHelper, DataTable, type DataTableProps } from '@/components/ui/data-table';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/actions/form-state';
import { invoiceStatusLabels } from '@/lib/invoices/status-labels';
import { formatInr } from '@/lib/ledger/format';

export type InvoiceTableRow = {
  id: string;
  number: string;
  kind: 'invoice' | 'credit_note';
  period: string;
  party: string;
  /** Filters the list to this party (a client), when the list can. */
  partyHref: string | null;
  total: string;
  tax: string;
  status: 'draft' | 'issued' | 'sent';
  issuedAt: Date;
  pdfHref: string;
  /** The invoice's own page, where the list has one (the client portal's opens the PDF). */
  detailHref: string | null;
};


type ResendAction = (state: FormState, formData: FormData) => Promise<FormState>;

const column = createDataTableColumnHelper<InvoiceTableRow>();

function columnsFor(resend: ResendAction | null, partyLabel: string) {
  const columns = [
    column.accessor('number', {
      header: 'Number',
      enableSorting: false,
      cell: ({ row }) =>
        row.original.detailHref ? (
          <Link href={row.original.detailHref} className="font-medium text-slate-900 underline-offset-2 hover:underline">
            {row.original.number}
          </Link>
        ) : (
          <a href={row.original.pdfHref} download className="font-medium text-slate-900 underline-offset-2 hover:underline" aria-label={`Download ${row.original.number} (PDF)`}>
            {row.original.number}
          </a>
        ),
    }),
    column.accessor('kind', { header: 'Kind', enableSorting: false, cell: ({ getValue }) => (getValue() === 'credit_note' ? 'Credit note' : 'Invoice') }),
    column.accessor('party', {
      header: partyLabel,
      enableSorting: false,
      cell: ({ row }) =>
        row.original.partyHref ? (
          <Link href={row.original.partyHref} className="underline-offset-2 hover:underline">
            {row.original.party}
          </Link>
        ) : (
          row.original.party
        ),
    }),
    column.accessor('period', { header: 'Month', enableSorting: false }),
    column.accessor('tax', { header: 'GST', enableSorting: false, meta: { className: 'text-right tabular-nums' }, cell: ({ getValue }) => formatInr(BigInt(getValue())) }),
    column.accessor('total', { header: 'Total', enableSorting: false, meta: { className: 'text-right tabular-nums' }, cell: ({ getValue }) => formatInr(BigInt(getValue())) }),
    column.accessor('status', { header: 'Status', enableSorting: false, cell: ({ getValue }) => invoiceStatusLabels[getValue()] }),
    column.accessor('issuedAt', { header: 'Issued', enableSorting: false, cell: ({ getValue }) => <Time value={getValue()} /> }),
    column.display({
      id: 'actions',
      header: 'Actions',
      cell: ({ row }) => (
        <div className="flex items-center gap-3">
          <a href={row.original.pdfHref} download className="text-sm underline underline-offset-2">
            PDF
          </a>
          {resend && row.original.status !== 'draft' ? (
            <ActionForm action={resend}>
              <input type="hidden" name="invoiceId" value={row.original.id} />
              <SubmitButton variant="secondary" size="sm">
                Resend
              </SubmitButton>
            </ActionForm>
          ) : null}
        </div>
      ),
    }),
  ];
  return columns;
}

export function InvoicesTable({ resendAction = null, partyLabel = 'Client', ...props }: Omit<DataTableProps<InvoiceTableRow>, 'columns' | 'caption'> & { resendAction?: ResendAction | null; partyLabel?: string }) {
  return <DataTable {...props} columns={columnsFor(resendAction, partyLabel)} caption="Invoices" />;
}
