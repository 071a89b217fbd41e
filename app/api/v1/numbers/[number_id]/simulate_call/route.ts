import { simulateFlowCallOperation, toFlowCallResource } from '@/lib/api/operations/flows';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { simulateFlowCall } from '@/lib/flows/simulate-flow-call';

// POST /api/v1/numbers/:number_id/simulate_call – ring a number through its flow (test mode)
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(simulateFlowCallOperation, async ({ ctx, params, body }) => {
    const { talk_seconds, ...rest } = body;
    return toFlowCallResource(await simulateFlowCall(ctx, params.number_id, { ...rest, talkSeconds: talk_seconds }));
  }),
});
