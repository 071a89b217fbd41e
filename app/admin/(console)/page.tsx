import type { Metadata } from 'next';
import Link from 'next/link';
import { PartnersTable } from '@/components/admin/partners-table';
import { buttonClasses } from '@/components/ui/button';
import { parseTableParams, type TablePageProps } from '@/lib/tables/table-params';
import { PageHeader } from '@/components/ui/page-header';
import { requireOperatorSession } from '@/lib/auth/session';
import { listPartners } from '@/lib/partners/list-partners';
import { partnerTableFilters, partnerTableSortable } from '@/lib/partners/partner-table';

export const metadata: Metadata = { title: 'Partners' };

export default async function PartnersPage({ searchParams }: TablePageProps) {
  const { ctx } = await requireOperatorSession();
  const params = parseTableParams(await searchParams, { sortable: partnerTableSortable, defaultSort: { id: 'createdAt', desc: true }, filters: partnerTableFilters });
  const { rows, total } = await listPartners(ctx, { search: params.search, status: params.filters.status, tier: params.filters.tier, sort: params.sort, page: params.page, pageSize: params.pageSize });
  return (
    <>
      <PageHeader
        title="Partners"
        description="Resellers selling the platform under their own brand."
        actions={<Link href="/admin/partners/new" className={buttonClasses()}>New partner</Link>}
      />
      <PartnersTable
        data={rows}
        total={total}
        page={params.page}
        pageSize={params.pageSize}
        sort={params.sort}
        search={params.search}
        searchLabel="Search partners"
        filters={partnerTableFilters}
        filterValues={params.filters}
        pageSizes={[20, 50, 100]}
        emptyMessage="No partners match."
      />
    </>
  );
}
