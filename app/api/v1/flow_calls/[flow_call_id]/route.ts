import { getFlowCallOperation, toFlowCallResource } from '@/lib/api/operations/flows';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getFlowCall } from '@/lib/flows/flow-calls';

// GET /api/v1/flow_calls/:flow_call_id – one call with its path and legs
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getFlowCallOperation, async ({ ctx, params }) => toFlowCallResource(await getFlowCall(ctx, params.flow_call_id))),
});
