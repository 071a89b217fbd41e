import { deleteWebhookEndpointOperation, getWebhookEndpointOperation, toWebhookEndpointResource, updateWebhookEndpointOperation } from '@/lib/api/operations/webhooks';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { deleteWebhookEndpoint, getWebhookEndpoint, updateWebhookEndpoint } from '@/lib/webhooks/manage-endpoints';

// GET/PATCH/DELETE /api/v1/webhook_endpoints/:endpoint_id
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getWebhookEndpointOperation, async ({ ctx, params }) => toWebhookEndpointResource(await getWebhookEndpoint(ctx, params.endpoint_id))),
  PATCH: apiRoute(updateWebhookEndpointOperation, async ({ ctx, params, body }) => {
    const { event_types, ...rest } = body;
    return toWebhookEndpointResource(await updateWebhookEndpoint(ctx, params.endpoint_id, { ...rest, eventTypes: event_types }));
  }),
  DELETE: apiRoute(deleteWebhookEndpointOperation, async ({ ctx, params }) => ({ object: 'webhook_endpoint', id: (await deleteWebhookEndpoint(ctx, params.endpoint_id)).id, deleted: true })),
});
