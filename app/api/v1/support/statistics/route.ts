import { getSupportStatisticsOperation, toStatisticsResource } from '@/lib/api/operations/support';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { ticketStatistics } from '@/lib/support/statistics';

// GET /api/v1/support/statistics – ticket statistics
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getSupportStatisticsOperation, async ({ ctx, query }) => toStatisticsResource(await ticketStatistics(ctx, query))),
});
