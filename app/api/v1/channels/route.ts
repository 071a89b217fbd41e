import { createChannelOperation, listChannelsOperation } from '@/lib/api/operations/channels';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { createChannel, listChannels } from '@/lib/channels/manage-channels';

// GET /api/v1/channels – list channels; POST – create one (in trial)
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listChannelsOperation, async ({ ctx, query }) => ({ object: 'list', ...(await listChannels(ctx, { ...query, clientId: query.client_id })) })),
  POST: apiRoute(createChannelOperation, async ({ ctx, body }) => {
    const { channel, token } = await createChannel(ctx, { clientId: body.client_id, name: body.name, trialDays: body.trial_days });
    return { ...channel, token };
  }),
});
