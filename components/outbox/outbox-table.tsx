'use client';

import { messageStatusTone } from '@/components/console/status-tones';
import { Time } from '@/components/console/time';
import { Badge } from '@/components/ui/badge';
import { createDataTableColumnHelper, DataTable, type DataTableColumn, type DataTableProps } from '@/components/ui/data-table';

import type { OutboxMessage } from '@/lib/messages/list-outbox';

export type OutboxRow = Omit<OutboxMessage, 'partnerId' | 'sentAt'> & {
  /** Set on the operator's page, which lists every partner's messages. */
  partner?: string;
};

const column = createDataTableColumnHelper<OutboxRow>();

const partnerColumn = column.accessor('partner', { header: 'Partner', enableSorting: false, cell: ({ getValue }) => <span className="text-xs">{getValue()}</span> });

const messageColumns = [
  column.accessor('channel', { header: 'Channel', enableSorting: false, cell: ({ getValue }) => <Badge tone="info">{getValue() === 'email' ? 'e-mail' : 'SMS'}</Badge> }),
  column.accessor('recipient', { header: 'To', enableSorting: false, cell: ({ getValue }) => <span className="break-all">{getValue()}</span> }),
  column.accessor('subject', {
    header: 'Subject',
    enableSorting: false,
    cell: ({ getValue, row }) => (
      <>
        {getValue() ?? <span className="text-slate-400">—</span>}
        {row.original.attachments?.length ? <span className="block text-xs text-slate-600">Attached: {row.original.attachments.join(', ')}</span> : null}
      </>
    ),
  }),
  column.accessor('template', { header: 'Template', enableSorting: false, cell: ({ getValue }) => <code className="text-xs">{getValue()}</code> }),
  column.accessor('status', { header: 'Status', enableSorting: false, cell: ({ getValue }) => <Badge tone={messageStatusTone[getValue()]}>{getValue()}</Badge> }),
  column.accessor('provider', { header: 'Provider', enableSorting: false, cell: ({ getValue }) => getValue() ?? <span className="text-slate-400">—</span> }),
  column.accessor('createdAt', { header: 'Time', enableSorting: false, cell: ({ getValue }) => <Time value={getValue()} withSeconds /> }),
];

/**
 * The message's text, and an e-mail's HTML as the recipient's mail program would show it. The HTML is put in an
 * iframe with an empty sandbox: no scripts, no forms, no same-origin access, so a message can never act on the
 * console it is shown in.
 */
function MessageBody({ row }: { row: OutboxRow }) {
  return (
    <details className="rounded-md border border-slate-200 bg-slate-50 text-sm">
      <summary className="cursor-pointer px-3 py-1.5 text-slate-700 select-none hover:text-slate-900">
        Show message <span className="sr-only">to {row.recipient} at {row.createdAt.toISOString()}</span>
      </summary>
      <div className="space-y-3 border-t border-slate-200 px-3 py-2">
        {row.text ? <pre className="font-mono text-xs break-words whitespace-pre-wrap" data-testid="outbox-text">{row.text}</pre> : null}
        {row.html ? (
          <iframe title={`E-mail to ${row.recipient}`} srcDoc={row.html} sandbox="" referrerPolicy="no-referrer" className="h-96 w-full rounded border border-slate-200 bg-white" />
        ) : null}
      </div>
    </details>
  );
}

type Props = Omit<DataTableProps<OutboxRow>, 'columns' | 'caption' | 'getRowId' | 'renderDetails' | 'total' | 'page' | 'pageSize' | 'sort'> & { withPartner?: boolean };

const operatorColumns: DataTableColumn<OutboxRow>[] = [partnerColumn, ...messageColumns];
const noSort = { id: 'createdAt', desc: true };

/** The newest messages first; not paged (the outbox is for looking at what was just sent). */
export function OutboxTable({ withPartner = false, data, ...props }: Props) {
  return (
    <DataTable
      {...props}
      data={data}
      total={data.length}
      page={1}
      pageSize={Math.max(data.length, 1)}
      sort={noSort}
      columns={withPartner ? operatorColumns : messageColumns}
      caption="Outbox"
      getRowId={(row) => row.id}
      renderDetails={(row) => (row.text || row.html ? <MessageBody row={row} /> : null)}
    />
  );
}
