import { createFlowOperation, flowInputOf, toFlowResource } from '@/lib/api/operations/flows';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { createFlow } from '@/lib/flows/manage-flows';

// POST /api/v1/clients/:client_id/flows – create a client's call flow
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(createFlowOperation, async ({ ctx, params, body }) => toFlowResource(await createFlow(ctx, params.client_id, flowInputOf(body)))),
});
