import { listVoiceBotsOperation, toVoiceBotResource } from '@/lib/api/operations/voice-bots';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { listVoiceBots } from '@/lib/bots/manage-bots';

// GET /api/v1/voice_bots – list voice bots
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listVoiceBotsOperation, async ({ ctx, query }) => {
    const { client_id, ...rest } = query;
    const page = await listVoiceBots(ctx, { ...rest, clientId: client_id });
    return { object: 'list', data: page.data.map(toVoiceBotResource), has_more: page.has_more };
  }),
});
