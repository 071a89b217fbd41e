import { testVoiceBotOperation, toConnectionTestResource } from '@/lib/api/operations/voice-bots';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { testVoiceBotConnection } from '@/lib/bots/test-connection';

// POST /api/v1/voice_bots/:bot_id/test – open the bot's WebSocket and report
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(testVoiceBotOperation, async ({ ctx, params }) => toConnectionTestResource(await testVoiceBotConnection(ctx, params.bot_id))),
});
