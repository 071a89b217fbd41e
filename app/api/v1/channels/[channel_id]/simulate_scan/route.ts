import { simulateChannelScanOperation } from '@/lib/api/operations/channels';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { simulateChannelScan } from '@/lib/channels/connect';
import { getChannel } from '@/lib/channels/manage-channels';

// POST /api/v1/channels/:channel_id/simulate_scan – a simulated channel's phone scans the code
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(simulateChannelScanOperation, async ({ ctx, params, body }) => {
    const channel = await getChannel(ctx, params.channel_id);
    return simulateChannelScan(ctx.partnerId, channel.id, body, new Date(), ctx);
  }),
});
