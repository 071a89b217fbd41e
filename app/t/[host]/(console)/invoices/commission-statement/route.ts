import { requireConsoleSession } from '@/lib/auth/session';
import { AppError } from '@/lib/errors/app-error';
import { commissionStatementPdf } from '@/lib/invoices/commission-statement';
import { pdfResponse } from '@/lib/invoices/read-invoices';

// GET /invoices/commission-statement?period=YYYY-MM – the month's commission statement as a PDF
export async function GET(request: Request) {
  const { dataCtx } = await requireConsoleSession();
  try {
    return pdfResponse(await commissionStatementPdf(dataCtx, { period: new URL(request.url).searchParams.get('period') }));
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return new Response(error.message, { status: error.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    throw error;
  }
}
