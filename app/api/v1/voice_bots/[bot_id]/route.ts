import { deleteVoiceBotOperation, getVoiceBotOperation, toVoiceBotResource, updateVoiceBotOperation } from '@/lib/api/operations/voice-bots';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { deleteVoiceBot, getVoiceBot, updateVoiceBot } from '@/lib/bots/manage-bots';

// GET/PATCH/DELETE /api/v1/voice_bots/:bot_id
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getVoiceBotOperation, async ({ ctx, params }) => toVoiceBotResource(await getVoiceBot(ctx, params.bot_id))),
  PATCH: apiRoute(updateVoiceBotOperation, async ({ ctx, params, body }) =>
    toVoiceBotResource(await updateVoiceBot(ctx, params.bot_id, { name: body.name, purpose: body.purpose, apiUrl: body.api_url, wssUrl: body.wss_url, authHeader: body.auth_header })),
  ),
  DELETE: apiRoute(deleteVoiceBotOperation, async ({ ctx, params }) => ({ object: 'voice_bot', id: (await deleteVoiceBot(ctx, params.bot_id)).id, deleted: true })),
});
