import { flowInputOf, getFlowOperation, toFlowResource, updateFlowOperation } from '@/lib/api/operations/flows';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getFlow, updateFlow } from '@/lib/flows/manage-flows';

// GET/PATCH /api/v1/flows/:flow_id
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getFlowOperation, async ({ ctx, params }) => toFlowResource(await getFlow(ctx, params.flow_id))),
  PATCH: apiRoute(updateFlowOperation, async ({ ctx, params, body }) => toFlowResource(await updateFlow(ctx, params.flow_id, flowInputOf(body)))),
});
