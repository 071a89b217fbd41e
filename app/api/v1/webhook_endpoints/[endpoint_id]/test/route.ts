import { sendTestEventOperation, toDeliveryResource } from '@/lib/api/operations/webhooks';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { sendTestEvent } from '@/lib/webhooks/send-test-event';

// POST /api/v1/webhook_endpoints/:endpoint_id/test – queue a test event for this endpoint
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(sendTestEventOperation, async ({ ctx, params }) => toDeliveryResource(await sendTestEvent(ctx, params.endpoint_id))),
});
