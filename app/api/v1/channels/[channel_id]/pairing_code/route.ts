import { channelPairingCodeOperation } from '@/lib/api/operations/channels';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { channelPairingCode } from '@/lib/channels/connect';
import { getChannel } from '@/lib/channels/manage-channels';

// POST /api/v1/channels/:channel_id/pairing_code – a code to type on the phone instead of scanning
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(channelPairingCodeOperation, async ({ ctx, params, body }) => {
    const channel = await getChannel(ctx, params.channel_id);
    return { object: 'channel_pairing_code', ...(await channelPairingCode(ctx.partnerId, channel.id, body, new Date(), ctx)) };
  }),
});
