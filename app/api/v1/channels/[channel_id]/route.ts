import { deleteChannelOperation, getChannelOperation } from '@/lib/api/operations/channels';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { deleteChannel } from '@/lib/channels/channel-days';
import { getChannel } from '@/lib/channels/manage-channels';

// GET /api/v1/channels/:channel_id – get a channel; DELETE – delete it, returning its unused days
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getChannelOperation, async ({ ctx, params }) => getChannel(ctx, params.channel_id)),
  DELETE: apiRoute(deleteChannelOperation, async ({ ctx, params, body }) => deleteChannel(ctx, params.channel_id, body)),
});
