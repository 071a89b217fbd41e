import { listDeliveriesOperation, toDeliveryResource } from '@/lib/api/operations/webhooks';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { listDeliveries } from '@/lib/webhooks/deliveries';

// GET /api/v1/webhook_endpoints/:endpoint_id/deliveries – deliveries with their attempts
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listDeliveriesOperation, async ({ ctx, params, query }) => {
    const page = await listDeliveries(ctx, params.endpoint_id, query);
    return { object: 'list', data: page.data.map(toDeliveryResource), has_more: page.has_more };
  }),
});
