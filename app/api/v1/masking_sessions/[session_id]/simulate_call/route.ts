import { simulateMaskingCallOperation, toCallRecordResource } from '@/lib/api/operations/masking';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { simulateMaskingCallWithLegs } from '@/lib/masking/simulate-call';

// POST /api/v1/masking_sessions/:session_id/simulate_call – run the call simulator (test mode)
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(simulateMaskingCallOperation, async ({ ctx, params, body }) => {
    const call = await simulateMaskingCallWithLegs(ctx, params.session_id, body);
    return { object: 'simulated_call', call_id: call.callId, legs: call.legs.map(toCallRecordResource) };
  }),
});
