import { parseTableParams } from '@/lib/tables/table-params';
import { requireConsoleSession } from '@/lib/auth/session';
import { clientCsvHeader, clientCsvLine } from '@/lib/clients/client-csv';
import { clientTableDefaults, clientTableFilters, clientTableSortable } from '@/lib/clients/client-table';
import { clientsForExport } from '@/lib/clients/search-clients';
import { csvDownload } from '@/lib/http/csv-download';

// GET /clients/export – every client of the table's current filter and sort, as CSV (the session is checked again here).
export async function GET(request: Request) {
  const { dataCtx, environment, tenant } = await requireConsoleSession();
  const params = parseTableParams(new URL(request.url).searchParams, { sortable: clientTableSortable, defaultSort: clientTableDefaults.sort, filters: clientTableFilters });
  const rows = clientsForExport(dataCtx, { search: params.search, status: params.filters.status, kyc: params.filters.kyc, sort: params.sort });
  return csvDownload(`clients-${tenant.slug}-${environment}-${new Date().toISOString().slice(0, 10)}.csv`, clientCsvHeader, rows, clientCsvLine);
}
