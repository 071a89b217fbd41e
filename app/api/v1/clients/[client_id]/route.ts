import { getClientOperation, toClientResource } from '@/lib/api/operations/clients';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getClient } from '@/lib/clients/manage-clients';

// GET /api/v1/clients/:client_id – get a client
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getClientOperation, async ({ ctx, params }) => toClientResource(await getClient(ctx, params.client_id))),
});
