'use client';

import { useMemo } from 'react';
import { deliveryStatusTone, httpStatusTone } from '@/components/console/status-tones';
import { Time } from '@/components/console/time';
import { Badge } from '@/components/ui/badge';
import { createDataTableColumnHelper, DataTable, type DataTableProps } from '@/components/ui/data-table';
import { SubmitButton } from '@/components/ui/submit-button';
import { toast } from '@/components/ui/toast';
import { idleState, type FormState } from '@/lib/actions/form-state';

export type DeliveryAttemptRow = {
  id: string;
  attemptedAt: Date;
  responseStatus: number | null;
  responseBodyExcerpt: string | null;
  error: string | null;
  durationMs: number;
};

export type DeliveryTableRow = {
  id: string;
  status: 'pending' | 'delivering' | 'succeeded' | 'failed';
  eventId: string;
  eventType: string;
  attemptCount: number;
  lastResponseStatus: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  /** The JSON body every attempt sends, pretty-printed. */
  payload: string;
  attempts: DeliveryAttemptRow[];
};

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const column = createDataTableColumnHelper<DeliveryTableRow>();

function ResendButton({ deliveryId, action }: { deliveryId: string; action: Action }) {
  // Toasted from the call: the table re-renders with the new delivery on top as the answer arrives.
  async function resend(formData: FormData) {
    const state = await action(idleState, formData);
    if (state.message) toast[state.status === 'error' ? 'error' : 'success'](state.message);
  }
  return (
    <form action={resend}>
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <SubmitButton size="sm" variant="secondary" aria-label={`Re-send delivery ${deliveryId}`}>
        Re-send
      </SubmitButton>
    </form>
  );
}

function DeliveryDetails({ row }: { row: DeliveryTableRow }) {
  return (
    <details className="group rounded-md border border-slate-200 bg-slate-50 text-sm" data-testid={`delivery-details-${row.id}`}>
      <summary className="cursor-pointer px-3 py-1.5 text-slate-700 select-none hover:text-slate-900">
        Payload and attempts <span className="sr-only">of delivery {row.id}</span>
      </summary>
      <div className="space-y-3 border-t border-slate-200 px-3 py-3">
        <div>
          <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
            Payload <span className="font-mono normal-case">({row.eventId})</span>
          </h4>
          <pre className="mt-1 max-h-72 overflow-auto rounded bg-white p-2 font-mono text-xs whitespace-pre-wrap break-all">{row.payload}</pre>
        </div>
        <div>
          <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Attempts</h4>
          {row.attempts.length === 0 ? (
            <p className="mt-1 text-slate-600">{row.nextAttemptAt ? <>Not attempted yet; due <Time value={row.nextAttemptAt} withSeconds />.</> : 'Not attempted yet.'}</p>
          ) : (
            <ol className="mt-1 space-y-2">
              {row.attempts.map((attempt, index) => (
                <li key={attempt.id} className="rounded bg-white p-2">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">#{index + 1}</span>
                    <Time value={attempt.attemptedAt} withSeconds />
                    {attempt.responseStatus !== null ? <Badge tone={httpStatusTone(attempt.responseStatus)}>HTTP {attempt.responseStatus}</Badge> : <Badge tone="danger">no response</Badge>}
                    <span className="text-slate-600 tabular-nums">{attempt.durationMs} ms</span>
                  </p>
                  {attempt.error ? <p className="mt-1 text-red-700">{attempt.error}</p> : null}
                  {attempt.responseBodyExcerpt ? (
                    <pre className="mt-1 max-h-40 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs whitespace-pre-wrap break-all">{attempt.responseBodyExcerpt}</pre>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
          {row.status === 'pending' && row.attempts.length > 0 && row.nextAttemptAt ? (
            <p className="mt-2 text-slate-600">
              Next attempt <Time value={row.nextAttemptAt} withSeconds />.
            </p>
          ) : null}
        </div>
      </div>
    </details>
  );
}

type Props = Omit<DataTableProps<DeliveryTableRow>, 'columns' | 'caption' | 'renderDetails' | 'getRowId'> & {
  /** Set for people who may re-send (owners and admins). */
  resendAction?: Action;
};

export function DeliveriesTable({ resendAction, ...props }: Props) {
  const columns = useMemo(
    () => [
      column.accessor('createdAt', { header: 'Created', enableSorting: false, cell: ({ getValue }) => <Time value={getValue()} withSeconds /> }),
      column.accessor('eventType', { header: 'Event', enableSorting: false, cell: ({ getValue }) => <code className="text-xs">{getValue()}</code> }),
      column.accessor('status', { header: 'Status', enableSorting: false, cell: ({ getValue }) => <Badge tone={deliveryStatusTone[getValue()]}>{getValue()}</Badge> }),
      column.accessor('attemptCount', { header: 'Attempts', enableSorting: false, meta: { className: 'text-right tabular-nums' } }),
      column.accessor('lastResponseStatus', {
        header: 'Response',
        enableSorting: false,
        cell: ({ row }) =>
          row.original.lastResponseStatus !== null ? (
            <Badge tone={httpStatusTone(row.original.lastResponseStatus)}>{row.original.lastResponseStatus}</Badge>
          ) : row.original.lastError ? (
            <span className="text-red-700">{row.original.lastError}</span>
          ) : (
            <span className="text-slate-400">—</span>
          ),
      }),
      column.display({
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        meta: { className: 'text-right' },
        cell: ({ row }) => (resendAction ? <ResendButton deliveryId={row.original.id} action={resendAction} /> : null),
      }),
    ],
    [resendAction],
  );
  return <DataTable {...props} columns={columns} caption="Deliveries" getRowId={(row) => row.id} renderDetails={(row) => <DeliveryDetails row={row} />} />;
}
