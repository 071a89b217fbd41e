import type { Metadata } from 'next';
import { SupportTabs } from '@/components/support/support-tabs';
import { TicketStats } from '@/components/support/ticket-stats';
import { TicketsTable } from '@/components/support/tickets-table';
import { PageHeader } from '@/components/ui/page-header';
import { requireConsoleSession } from '@/lib/auth/session';
import { listTickets } from '@/lib/support/list-tickets';
import { ticketStatistics } from '@/lib/support/statistics';
import { ticketRows, ticketTableFilters } from '@/lib/support/ticket-table';
import { cursorPagination, parseCursorParams, parseTableParams, type TablePageProps } from '@/lib/tables/table-params';

export const metadata: Metadata = { title: 'Support' };

export default async function SupportPage({ searchParams }: TablePageProps) {
  const { dataCtx, environment } = await requireConsoleSession();
  const query = await searchParams;
  const table = parseTableParams(query, { sortable: ['updatedAt'], defaultSort: { id: 'updatedAt', desc: true }, pageSizes: [20, 50, 100], filters: ticketTableFilters });
  const cursor = parseCursorParams(query);
  const [page, stats] = await Promise.all([listTickets(dataCtx, { ...cursor, ...table.filters, level: 'client', limit: table.pageSize }), ticketStatistics(dataCtx, { level: 'client' })]);
  const filtered = Object.keys(table.filters).length > 0;
  return (
    <>
      <PageHeader title="Support" description={environment === 'test' ? 'Tickets your sandbox clients opened with you.' : 'Tickets your clients opened with you, and yours with the platform.'} />
      <SupportTabs />
      <div className="space-y-6">
        <TicketStats stats={stats} />
        <TicketsTable
          data={ticketRows(page, (id) => `/support/tickets/${id}`, (row) => row.clientName ?? row.ticket.requesterName)}
          total={page.data.length}
          page={1}
          pageSize={table.pageSize}
          sort={table.sort}
          pageSizes={[20, 50, 100]}
          filters={ticketTableFilters}
          filterValues={table.filters}
          cursor={cursorPagination(cursor, { data: page.data.map((r) => r.ticket), has_more: page.has_more })}
          emptyMessage={filtered ? 'No tickets match these filters.' : 'No tickets from your clients yet.'}
        />
      </div>
    </>
  );
}
