import { rotateChannelTokenOperation } from '@/lib/api/operations/channels';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { rotateChannelToken } from '@/lib/channels/manage-channels';

// POST /api/v1/channels/:channel_id/rotate_token – a new channel token, shown once
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(rotateChannelTokenOperation, async ({ ctx, params }) => {
    const { channel, token } = await rotateChannelToken(ctx, params.channel_id);
    return { ...channel, token };
  }),
});
