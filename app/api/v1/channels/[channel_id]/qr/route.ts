import { getChannelQrOperation } from '@/lib/api/operations/channels';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { channelQr } from '@/lib/channels/connect';
import { getChannel } from '@/lib/channels/manage-channels';

// GET /api/v1/channels/:channel_id/qr – the current QR code as data, PNG and SVG
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getChannelQrOperation, async ({ ctx, params }) => {
    const channel = await getChannel(ctx, params.channel_id);
    return { object: 'channel_qr', ...(await channelQr(ctx.partnerId, channel.id, new Date(), ctx)) };
  }),
});
