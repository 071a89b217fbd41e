import { addChannelWebhookOperation, listChannelWebhooksOperation } from '@/lib/api/operations/channels';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { addChannelWebhook, listChannelWebhooks } from '@/lib/channels/channel-webhooks';

// GET /api/v1/channels/:channel_id/webhooks – the channel's webhook URLs; POST – add one
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listChannelWebhooksOperation, async ({ ctx, params }) => ({ object: 'list', data: await listChannelWebhooks(ctx, params.channel_id), has_more: false })),
  POST: apiRoute(addChannelWebhookOperation, async ({ ctx, params, body }) => {
    const { endpoint, secret } = await addChannelWebhook(ctx, params.channel_id, body);
    return { ...endpoint, secret };
  }),
});
