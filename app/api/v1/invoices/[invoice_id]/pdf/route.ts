import { getInvoicePdfOperation } from '@/lib/api/operations/invoices';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getInvoice, invoicePdf } from '@/lib/invoices/read-invoices';

// GET /api/v1/invoices/:invoice_id/pdf – the stored PDF, base64
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getInvoicePdfOperation, async ({ ctx, params }) => {
    const invoice = await getInvoice(ctx, params.invoice_id);
    const pdf = await invoicePdf(invoice);
    return { object: 'invoice_pdf', invoice_id: invoice.id, filename: pdf.filename, content_type: 'application/pdf', bytes: pdf.content.length, sha256: pdf.sha256, content_base64: pdf.content.toString('base64') };
  }),
});
