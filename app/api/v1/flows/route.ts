import { listFlowsOperation, toFlowResource } from '@/lib/api/operations/flows';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { listFlows } from '@/lib/flows/manage-flows';

// GET /api/v1/flows – list call flows
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listFlowsOperation, async ({ ctx, query }) => {
    const { client_id, ...rest } = query;
    const page = await listFlows(ctx, { ...rest, clientId: client_id });
    return { object: 'list', data: page.data.map(toFlowResource), has_more: page.has_more };
  }),
});
