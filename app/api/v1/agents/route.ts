import { listAgentsOperation, toAgentResource } from '@/lib/api/operations/agents';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { listAgents } from '@/lib/agents/manage-agents';

// GET /api/v1/agents – list agents
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listAgentsOperation, async ({ ctx, query }) => {
    const { client_id, ...rest } = query;
    const page = await listAgents(ctx, { ...rest, clientId: client_id });
    return { object: 'list', data: page.data.map(toAgentResource), has_more: page.has_more };
  }),
});
