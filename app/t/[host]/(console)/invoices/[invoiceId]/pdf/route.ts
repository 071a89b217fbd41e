import { requireConsoleSession } from '@/lib/auth/session';
import { getInvoice, invoicePdf, pdfResponse } from '@/lib/invoices/read-invoices';

// GET /invoices/:invoiceId/pdf – one invoice's stored PDF (the partner's to a client, or ours to the partner)
export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string }> }) {
  const { dataCtx } = await requireConsoleSession();
  const { invoiceId } = await params;
  const invoice = await getInvoice(dataCtx, invoiceId).catch(() => null);
  if (!invoice) return new Response('Not found', { status: 404 });
  return pdfResponse(await invoicePdf(invoice));
}
