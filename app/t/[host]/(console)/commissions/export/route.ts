import { requireConsoleSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { csvHeaders, plainRefusal } from '@/lib/http/csv-download';
import { commissionCsv } from '@/lib/ledger/commission-report';

// GET /commissions/export – the commission report by client and by period, as CSV
export async function GET(request: Request) {
  const { dataCtx } = await requireConsoleSession();
  const query = new URL(request.url).searchParams;
  let csv: string;
  try {
    csv = await commissionCsv(dataCtx, { startDate: query.get('start_date'), endDate: query.get('end_date'), clientId: query.get('client_id') || undefined, groupBy: query.get('group_by') ?? undefined });
  } catch (error) {
    // A hand-edited URL: say what is wrong with it (the dates were checked before they reach the file name).
    if (error instanceof AppError && error.status < 500) return plainRefusal(error.message, error.status);
    throw error;
  }
  return new Response(`\uFEFF${csv}`, { headers: csvHeaders(`commissions-${query.get('start_date')}-${query.get('end_date')}.csv`) });
}
