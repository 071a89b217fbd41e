import { createVoiceBotOperation, toVoiceBotResource } from '@/lib/api/operations/voice-bots';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { createVoiceBot } from '@/lib/bots/manage-bots';

// POST /api/v1/clients/:client_id/voice_bots – add a voice bot
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(createVoiceBotOperation, async ({ ctx, params, body }) =>
    toVoiceBotResource(await createVoiceBot(ctx, params.client_id, { name: body.name, purpose: body.purpose, apiUrl: body.api_url, wssUrl: body.wss_url, authHeader: body.auth_header })),
  ),
});
