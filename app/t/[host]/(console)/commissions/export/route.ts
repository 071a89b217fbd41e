import { requireConsoleSession } from '@/lib/auth/session';
import { commissionCsv } from '@/lib/ledger/commission-report';

// GET /commissions/export – the commission report by client and by period, as CSV
export async function GET(request: Request) {
  const { dataCtx } = await requireConsoleSession();
  const query = new URL(request.url).searchParams;
  const csv = await commissionCsv(dataCtx, { startDate: query.get('start_date'), endDate: query.get('end_date'), clientId: query.get('client_id') || undefined, groupBy: query.get('group_by') ?? undefined });
  return new Response(`\uFEFF${csv}`, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="commissions-${query.get('start_date')}-${query.get('end_date')}.csv"`, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
}
