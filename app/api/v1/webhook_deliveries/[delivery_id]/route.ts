import { getDeliveryOperation, toDeliveryResource } from '@/lib/api/operations/webhooks';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getDelivery } from '@/lib/webhooks/deliveries';

// GET /api/v1/webhook_deliveries/:delivery_id – one delivery with its attempts
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getDeliveryOperation, async ({ ctx, params }) => toDeliveryResource(await getDelivery(ctx, params.delivery_id))),
});
