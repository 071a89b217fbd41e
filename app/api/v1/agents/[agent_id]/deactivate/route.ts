import { deactivateAgentOperation, toAgentResource } from '@/lib/api/operations/agents';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { deactivateAgent } from '@/lib/agents/manage-agents';

// POST /api/v1/agents/:agent_id/deactivate
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(deactivateAgentOperation, async ({ ctx, params }) => toAgentResource(await deactivateAgent(ctx, params.agent_id))),
});
