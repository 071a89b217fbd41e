import { resendDeliveryOperation, toDeliveryResource } from '@/lib/api/operations/webhooks';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { resendDelivery } from '@/lib/webhooks/deliveries';

// POST /api/v1/webhook_deliveries/:delivery_id/resend – the same event to the same endpoint, as a new delivery
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(resendDeliveryOperation, async ({ ctx, params }) => toDeliveryResource(await resendDelivery(ctx, params.delivery_id))),
});
