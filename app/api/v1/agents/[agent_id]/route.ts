import { agentInputOf, getAgentOperation, toAgentResource, updateAgentOperation } from '@/lib/api/operations/agents';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getAgent, updateAgent } from '@/lib/agents/manage-agents';

// GET/PATCH /api/v1/agents/:agent_id
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getAgentOperation, async ({ ctx, params }) => toAgentResource(await getAgent(ctx, params.agent_id))),
  PATCH: apiRoute(updateAgentOperation, async ({ ctx, params, body }) => toAgentResource(await updateAgent(ctx, params.agent_id, agentInputOf(body)))),
});
