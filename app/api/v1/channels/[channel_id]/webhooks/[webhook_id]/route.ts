import { removeChannelWebhookOperation } from '@/lib/api/operations/channels';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { removeChannelWebhook } from '@/lib/channels/channel-webhooks';

// DELETE /api/v1/channels/:channel_id/webhooks/:webhook_id – remove a channel's webhook URL
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  DELETE: apiRoute(removeChannelWebhookOperation, async ({ ctx, params }) => ({ object: 'channel_webhook', ...(await removeChannelWebhook(ctx, params.channel_id, params.webhook_id)), deleted: true })),
});
