import type { Metadata } from 'next';
import { ApiRequestsTable } from '@/components/developers/api-requests-table';
import { parseTableParams, type FilterDef, type TablePageProps } from '@/lib/tables/table-params';
import { listApiRequests } from '@/lib/api/list-api-requests';
import { requireConsoleSession } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'API requests' };

const filters = [
  { id: 'status', label: 'Status', options: [{ value: '2xx', label: '2xx success' }, { value: '4xx', label: '4xx client error' }, { value: '5xx', label: '5xx server error' }] },
] as const satisfies readonly FilterDef[];

export default async function ApiRequestsPage({ searchParams }: TablePageProps) {
  const { dataCtx, environment } = await requireConsoleSession();
  const params = parseTableParams(await searchParams, { sortable: ['createdAt'], defaultSort: { id: 'createdAt', desc: true }, pageSizes: [50, 100, 200], filters });
  const { rows, total, atLeast } = await listApiRequests(dataCtx, { statusClass: params.filters.status, newestFirst: params.sort.desc, page: params.page, pageSize: params.pageSize });
  return (
    <section aria-labelledby="requests-heading" className="space-y-3">
      <div>
        <h2 id="requests-heading" className="text-lg font-semibold">Requests</h2>
        <p className="text-sm text-slate-600">
          Recent requests made with your {environment === 'test' ? 'test (sk_test_)' : 'live (sk_live_)'} keys, newest first. They appear here a second or
          two after they are answered. Quote the request id when you contact support.
        </p>
      </div>
      <ApiRequestsTable
        data={rows}
        total={total}
        totalAtLeast={atLeast}
        page={params.page}
        pageSize={params.pageSize}
        sort={params.sort}
        filters={filters}
        filterValues={params.filters}
        pageSizes={[50, 100, 200]}
        emptyMessage={environment === 'test' ? 'No test requests yet.' : 'No live requests yet.'}
      />
    </section>
  );
}
