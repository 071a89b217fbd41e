import { getMetricsOperation, toMetricsResource } from '@/lib/api/operations/usage';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { partnerMetrics } from '@/lib/usage/partner-metrics';

// GET /api/v1/metrics – the partner's business metrics over a period
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getMetricsOperation, async ({ ctx, query }) => toMetricsResource(await partnerMetrics(ctx, query))),
});
