import { listCreditNotesOperation, toInvoiceList } from '@/lib/api/operations/invoices';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { listInvoices } from '@/lib/invoices/read-invoices';

// GET /api/v1/credit_notes – credit notes for refunds
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listCreditNotesOperation, async ({ ctx, query }) => {
    const { customer_id, ...rest } = query;
    return toInvoiceList(await listInvoices(ctx, { ...rest, client_id: customer_id, kind: 'credit_note' }));
  }),
});
