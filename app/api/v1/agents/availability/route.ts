import { getAgentsAvailabilityOperation } from '@/lib/api/operations/agents';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getWallboard } from '@/lib/agents/wallboard';

// GET /api/v1/agents/availability – every agent's live state (the wallboard snapshot)
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getAgentsAvailabilityOperation, async ({ ctx, query }) => {
    const board = await getWallboard(ctx, { clientId: query.client_id });
    return { object: 'agent_availability_snapshot', at: board.at, agents: board.agents };
  }),
});
