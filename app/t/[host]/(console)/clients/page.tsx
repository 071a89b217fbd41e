import type { Metadata } from 'next';
import Link from 'next/link';
import { ClientsTable } from '@/components/clients/clients-table';
import { ClientsTabs } from '@/components/clients/clients-tabs';
import { buttonClasses } from '@/components/ui/button';
import { parseTableParams, TABLE_PARAMS, type TablePageProps } from '@/lib/tables/table-params';
import { PageHeader } from '@/components/ui/page-header';
import { requireConsoleSession } from '@/lib/auth/session';
import { clientTableDefaults, clientTableFilters, clientTableSortable } from '@/lib/clients/client-table';
import { searchClients } from '@/lib/clients/search-clients';

export const metadata: Metadata = { title: 'Clients' };

export default async function ClientsPage({ searchParams }: TablePageProps) {
  const { dataCtx, environment } = await requireConsoleSession();
  const params = parseTableParams(await searchParams, {
    sortable: clientTableSortable,
    defaultSort: clientTableDefaults.sort,
    pageSizes: clientTableDefaults.pageSizes,
    filters: clientTableFilters,
  });
  const filters = { search: params.search, status: params.filters.status, kyc: params.filters.kyc, sort: params.sort };
  const { rows, total, atLeast } = await searchClients(dataCtx, { ...filters, page: params.page, pageSize: params.pageSize });

  // The export takes the same filter and sort, and every page of it.
  const exportQuery = new URLSearchParams();
  if (params.search) exportQuery.set(TABLE_PARAMS.search, params.search);
  if (filters.status) exportQuery.set('status', filters.status);
  if (filters.kyc) exportQuery.set('kyc', filters.kyc);
  exportQuery.set(TABLE_PARAMS.sort, params.sort.id);
  exportQuery.set(TABLE_PARAMS.dir, params.sort.desc ? 'desc' : 'asc');
  const filtered = Boolean(params.search || filters.status || filters.kyc);

  return (
    <>
      <PageHeader
        title="Clients"
        description={environment === 'test' ? 'Test clients in your sandbox.' : 'Businesses you have onboarded, with their KYC and status.'}
        actions={
          <>
            <a href={`/clients/export?${exportQuery}`} download className={buttonClasses({ variant: 'secondary' })}>
              Export CSV
            </a>
            <Link href="/clients/links" className={buttonClasses({ variant: 'secondary' })}>
              Send onboarding link
            </Link>
            <Link href="/clients/new" className={buttonClasses()}>
              New client
            </Link>
          </>
        }
      />
      <ClientsTabs />
      <ClientsTable
        data={rows}
        total={total}
        totalAtLeast={atLeast}
        page={params.page}
        pageSize={params.pageSize}
        sort={params.sort}
        search={params.search}
        searchLabel="Search name or e-mail"
        filters={clientTableFilters}
        filterValues={params.filters}
        pageSizes={clientTableDefaults.pageSizes}
        emptyMessage={filtered ? 'No clients match.' : environment === 'test' ? 'No test clients yet.' : 'No clients yet. Start one with “New client” or send an onboarding link.'}
      />
    </>
  );
}
