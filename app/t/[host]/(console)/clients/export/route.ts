import { parseTableParams } from '@/lib/tables/table-params';
import { requireConsoleSession } from '@/lib/auth/session';
import { clientCsvHeader, clientCsvLine } from '@/lib/clients/client-csv';
import { clientTableDefaults, clientTableFilters, clientTableSortable } from '@/lib/clients/client-table';
import { clientsForExport } from '@/lib/clients/search-clients';

// GET /clients/export – every client of the table's current filter and sort, as CSV (the session is checked again here).
export async function GET(request: Request) {
  const { dataCtx, environment, tenant } = await requireConsoleSession();
  const params = parseTableParams(new URL(request.url).searchParams, { sortable: clientTableSortable, defaultSort: clientTableDefaults.sort, filters: clientTableFilters });
  const rows = clientsForExport(dataCtx, { search: params.search, status: params.filters.status, kyc: params.filters.kyc, sort: params.sort });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    // A byte-order mark first, so spreadsheet programs read the UTF-8 names correctly.
    start: (controller) => controller.enqueue(encoder.encode(`\uFEFF${clientCsvHeader}`)),
    async pull(controller) {
      const batch = await rows.next();
      if (batch.done) controller.close();
      else controller.enqueue(encoder.encode(batch.value.map(clientCsvLine).join('')));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const filename = `clients-${tenant.slug}-${environment}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
