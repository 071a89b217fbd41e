import { createChannelConnectLinkOperation } from '@/lib/api/operations/channels';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { createConnectLink } from '@/lib/channels/connect-links';

// POST /api/v1/channels/:channel_id/connect_link – a signed link to the hosted connect page
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(createChannelConnectLinkOperation, async ({ ctx, params, body }) => createConnectLink(ctx, params.channel_id, { expiresInHours: body.expires_in_hours, sendTo: body.send_to })),
});
