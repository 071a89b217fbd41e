import { requireConsoleSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { clientStatementForExport, statementCsvHeader, statementCsvLine } from '@/lib/ledger/statement-csv';
import { statementFiltersFrom } from '@/lib/ledger/statement-filters';

// GET /clients/:clientId/wallet/export – the wallet's transactions under the page's filters, as CSV
export async function GET(request: Request, { params }: { params: Promise<{ clientId: string }> }) {
  const { dataCtx, environment } = await requireConsoleSession();
  const { clientId } = await params;
  const filters = statementFiltersFrom(new URL(request.url).searchParams);
  let lines: Awaited<ReturnType<typeof clientStatementForExport>>;
  try {
    lines = await clientStatementForExport(dataCtx, clientId, filters);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return new Response('No such client.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    throw error;
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(encoder.encode(`\uFEFF${statementCsvHeader}`)),
    async pull(controller) {
      try {
        const batch = await lines.next();
        if (batch.done) controller.close();
        else controller.enqueue(encoder.encode(batch.value.map(statementCsvLine).join('')));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="wallet-${clientId}-${environment}-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
