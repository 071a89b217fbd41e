import { setAgentAvailabilityOperation, toAgentResource } from '@/lib/api/operations/agents';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { setAgentAvailability } from '@/lib/agents/availability';

// PUT /api/v1/agents/:agent_id/availability – available, break or offline (queued during a call)
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  PUT: apiRoute(setAgentAvailabilityOperation, async ({ ctx, params, body }) => {
    const result = await setAgentAvailability(ctx, params.agent_id, body);
    return { object: 'agent_availability_change', queued: result.queued, agent: toAgentResource(result.agent) };
  }),
});
