import { createWebhookEndpointOperation, listWebhookEndpointsOperation, toWebhookEndpointResource, withSecret } from '@/lib/api/operations/webhooks';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { createWebhookEndpoint, listWebhookEndpoints } from '@/lib/webhooks/manage-endpoints';

// GET /api/v1/webhook_endpoints – list endpoints; POST – create one (answers its secret once)
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listWebhookEndpointsOperation, async ({ ctx, query }) => {
    const page = await listWebhookEndpoints(ctx, query);
    return { object: 'list', data: page.data.map(toWebhookEndpointResource), has_more: page.has_more };
  }),
  POST: apiRoute(createWebhookEndpointOperation, async ({ ctx, body }) => withSecret(await createWebhookEndpoint(ctx, { url: body.url, description: body.description, eventTypes: body.event_types }))),
});
