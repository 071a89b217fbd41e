import type { Metadata } from 'next';
import { TicketStats } from '@/components/support/ticket-stats';
import { TicketsTable } from '@/components/support/tickets-table';
import { PageHeader } from '@/components/ui/page-header';
import { requireOperatorSession } from '@/lib/auth/session';
import { listTickets } from '@/lib/support/list-tickets';
import { ticketStatistics } from '@/lib/support/statistics';
import { ticketRows, ticketTableFilters } from '@/lib/support/ticket-table';
import { cursorPagination, parseCursorParams, parseTableParams, type TablePageProps } from '@/lib/tables/table-params';

export const metadata: Metadata = { title: 'Support' };

export default async function OperatorSupportPage({ searchParams }: TablePageProps) {
  const { ctx } = await requireOperatorSession();
  const query = await searchParams;
  const table = parseTableParams(query, { sortable: ['updatedAt'], defaultSort: { id: 'updatedAt', desc: true }, pageSizes: [20, 50, 100], filters: ticketTableFilters });
  const cursor = parseCursorParams(query);
  const [page, stats] = await Promise.all([listTickets(ctx, { ...cursor, ...table.filters, limit: table.pageSize }), ticketStatistics(ctx)]);
  return (
    <>
      <PageHeader title="Support" description="Tickets partners opened with us, about themselves or one of their clients." />
      <div className="space-y-6">
        <TicketStats stats={stats} />
        <TicketsTable
          data={ticketRows(page, (id) => `/admin/support/${id}`, (row) => (row.clientName ? `${row.partner.name}, about ${row.clientName}` : row.partner.name))}
          total={page.data.length}
          page={1}
          pageSize={table.pageSize}
          sort={table.sort}
          pageSizes={[20, 50, 100]}
          filters={ticketTableFilters}
          filterValues={table.filters}
          cursor={cursorPagination(cursor, { data: page.data.map((r) => r.ticket), has_more: page.has_more })}
          emptyMessage={Object.keys(table.filters).length ? 'No tickets match these filters.' : 'No tickets from partners yet.'}
        />
      </div>
    </>
  );
}
