import { extendChannelOperation } from '@/lib/api/operations/channels';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { extendChannel } from '@/lib/channels/channel-days';

// POST /api/v1/channels/:channel_id/extend – allocate days from the day balance
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(extendChannelOperation, async ({ ctx, params, body }) => extendChannel(ctx, params.channel_id, body)),
});
