import { reclaimChannelDaysOperation } from '@/lib/api/operations/channels';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { reclaimChannelDays } from '@/lib/channels/channel-days';

// POST /api/v1/channels/:channel_id/reclaim – return unused days above a minimum to the day balance
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(reclaimChannelDaysOperation, async ({ ctx, params, body }) => reclaimChannelDays(ctx, params.channel_id, { keepDays: body.keep_days, comment: body.comment })),
});
