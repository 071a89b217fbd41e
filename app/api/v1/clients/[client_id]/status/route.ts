import { toClientResource, updateClientStatusOperation } from '@/lib/api/operations/clients';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { setClientStatus } from '@/lib/clients/manage-clients';

// POST /api/v1/clients/:client_id/status – activate or deactivate a client
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(updateClientStatusOperation, async ({ ctx, params, body }) => toClientResource(await setClientStatus(ctx, { clientId: params.client_id, ...body }))),
});
