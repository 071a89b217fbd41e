import type { Metadata } from 'next';
import Link from 'next/link';
import { SupportTabs } from '@/components/support/support-tabs';
import { TicketStats } from '@/components/support/ticket-stats';
import { TicketsTable } from '@/components/support/tickets-table';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requireConsoleSession } from '@/lib/auth/session';
import { listTickets } from '@/lib/support/list-tickets';
import { ticketStatistics } from '@/lib/support/statistics';
import { ticketRows, ticketTableFilters } from '@/lib/support/ticket-table';
import { cursorPagination, parseCursorParams, parseTableParams, type TablePageProps } from '@/lib/tables/table-params';

export const metadata: Metadata = { title: 'Platform support' };

export default async function PlatformSupportPage({ searchParams }: TablePageProps) {
  // Tickets with the platform are the live partner's, in either mode.
  const { ctx } = await requireConsoleSession();
  const query = await searchParams;
  const table = parseTableParams(query, { sortable: ['updatedAt'], defaultSort: { id: 'updatedAt', desc: true }, pageSizes: [20, 50, 100], filters: ticketTableFilters });
  const cursor = parseCursorParams(query);
  const [page, stats] = await Promise.all([listTickets(ctx, { ...cursor, ...table.filters, level: 'partner', limit: table.pageSize }), ticketStatistics(ctx, { level: 'partner' })]);
  return (
    <>
      <PageHeader
        title="Support"
        description="Your tickets with the platform’s support team, about your account or one of your clients."
        actions={
          <Link href="/support/new" className={buttonClasses()}>
            New ticket
          </Link>
        }
      />
      <SupportTabs />
      <div className="space-y-6">
        <TicketStats stats={stats} title="Your tickets with us" showClients={false} />
        <TicketsTable
          data={ticketRows(page, (id) => `/support/tickets/${id}`, (row) => (row.clientName ? `About ${row.clientName}` : row.ticket.requesterName))}
          total={page.data.length}
          page={1}
          pageSize={table.pageSize}
          sort={table.sort}
          pageSizes={[20, 50, 100]}
          filters={ticketTableFilters}
          filterValues={table.filters}
          cursor={cursorPagination(cursor, { data: page.data.map((r) => r.ticket), has_more: page.has_more })}
          emptyMessage="No tickets with the platform yet. Open one with “New ticket”."
        />
      </div>
    </>
  );
}
