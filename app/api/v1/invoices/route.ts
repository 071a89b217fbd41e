import { listInvoicesOperation, toInvoiceList } from '@/lib/api/operations/invoices';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { listInvoices } from '@/lib/invoices/read-invoices';

// GET /api/v1/invoices – the partner's invoices to its clients, or the operator's to it
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listInvoicesOperation, async ({ ctx, query }) => {
    const { customer_id, ...rest } = query;
    return toInvoiceList(await listInvoices(ctx, { ...rest, client_id: customer_id }));
  }),
});
