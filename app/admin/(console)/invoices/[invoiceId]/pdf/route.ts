import { requireOperatorSession } from '@/lib/auth/session';
import { getOperatorInvoice, invoicePdf, pdfResponse } from '@/lib/invoices/read-invoices';

// GET /admin/invoices/:invoiceId/pdf – one of the operator's invoices to partners, as a PDF
export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string }> }) {
  const { ctx } = await requireOperatorSession();
  const { invoiceId } = await params;
  const invoice = await getOperatorInvoice(ctx, invoiceId).catch(() => null);
  if (!invoice) return new Response('Not found', { status: 404 });
  return pdfResponse(await invoicePdf(invoice));
}
