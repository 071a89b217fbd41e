import { getInvoiceOperation, toInvoiceResource } from '@/lib/api/operations/invoices';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getInvoice } from '@/lib/invoices/read-invoices';

// GET /api/v1/invoices/:invoice_id – one invoice or credit note
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getInvoiceOperation, async ({ ctx, params }) => toInvoiceResource(await getInvoice(ctx, params.invoice_id))),
});
