import { agentInputOf, createAgentOperation, toAgentResource } from '@/lib/api/operations/agents';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { createAgent } from '@/lib/agents/manage-agents';

// POST /api/v1/clients/:client_id/agents – add an agent to a client
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(createAgentOperation, async ({ ctx, params, body }) => toAgentResource(await createAgent(ctx, params.client_id, agentInputOf(body)))),
});
