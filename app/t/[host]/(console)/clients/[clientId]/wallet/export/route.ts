import { requireConsoleSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { csvDownload, plainRefusal } from '@/lib/http/csv-download';
import { clientStatementForExport, statementCsvHeader, statementCsvLine } from '@/lib/ledger/statement-csv';
import { statementFiltersFrom } from '@/lib/ledger/statement-filters';

// GET /clients/:clientId/wallet/export – the wallet's transactions under the page's filters, as CSV
export async function GET(request: Request, { params }: { params: Promise<{ clientId: string }> }) {
  const { dataCtx, environment } = await requireConsoleSession();
  const { clientId } = await params;
  try {
    const lines = await clientStatementForExport(dataCtx, clientId, statementFiltersFrom(new URL(request.url).searchParams));
    return csvDownload(`wallet-${clientId}-${environment}-${new Date().toISOString().slice(0, 10)}.csv`, statementCsvHeader, lines, statementCsvLine);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return plainRefusal('No such client.', 404);
    throw error;
  }
}
