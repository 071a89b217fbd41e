import { listFlowCallsOperation, toFlowCallResource } from '@/lib/api/operations/flows';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { listFlowCalls } from '@/lib/flows/flow-calls';

// GET /api/v1/flow_calls – calls through flows
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listFlowCallsOperation, async ({ ctx, query }) => {
    const { flow_id, number_id, ...rest } = query;
    const page = await listFlowCalls(ctx, { ...rest, flowId: flow_id, numberId: number_id });
    return { object: 'list', data: page.data.map(toFlowCallResource), has_more: page.has_more };
  }),
});
