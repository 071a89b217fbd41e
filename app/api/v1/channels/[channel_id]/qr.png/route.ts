import { getChannelQrPngOperation } from '@/lib/api/operations/channels';
import { apiRoutes, apiStreamRoute } from '@/lib/api/route';
import { channelQrPng, qrPngResponse } from '@/lib/channels/connect';
import { getChannel } from '@/lib/channels/manage-channels';

export const dynamic = 'force-dynamic';

// GET /api/v1/channels/:channel_id/qr.png – the current QR code as a PNG image (not JSON, so answered raw)
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiStreamRoute(getChannelQrPngOperation, async ({ ctx, params }) => {
    const channel = await getChannel(ctx, params.channel_id);
    return qrPngResponse(await channelQrPng(ctx.partnerId, channel.id, new Date(), ctx));
  }),
});
