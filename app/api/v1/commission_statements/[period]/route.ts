import { getCommissionStatementOperation } from '@/lib/api/operations/invoices';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { commissionStatementPdf } from '@/lib/invoices/commission-statement';

// GET /api/v1/commission_statements/:period – the month's commission statement as a PDF, base64
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getCommissionStatementOperation, async ({ ctx, params }) => {
    const pdf = await commissionStatementPdf(ctx, { period: params.period });
    return { object: 'commission_statement', period: params.period, filename: pdf.filename, content_type: 'application/pdf', bytes: pdf.content.length, content_base64: pdf.content.toString('base64') };
  }),
});
