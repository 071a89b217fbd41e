import { getCommissionReportOperation } from '@/lib/api/operations/billing';
import { toCommissionReportResource } from '@/lib/api/operations/billing-resources';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { commissionReport } from '@/lib/ledger/commission-report';

// GET /api/v1/partners/commissions – the commission report (Flowmatix's shape)
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getCommissionReportOperation, async ({ ctx, query }) =>
    toCommissionReportResource(await commissionReport(ctx, { startDate: query.start_date, endDate: query.end_date, clientId: query.customer_id ?? query.client_id, groupBy: query.group_by })),
  ),
});
