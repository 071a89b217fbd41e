import { getClientUsageOperation, toClientUsageResource } from '@/lib/api/operations/usage';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { clientUsage } from '@/lib/usage/client-usage';

// GET /api/v1/clients/:client_id/usage – a client's usage over a month or a range of days
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getClientUsageOperation, async ({ ctx, params, query }) => toClientUsageResource(await clientUsage(ctx, params.client_id, query))),
});
