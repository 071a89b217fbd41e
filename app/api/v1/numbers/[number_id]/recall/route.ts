import { recallNumberOperation, toNumberResource } from '@/lib/api/operations/numbers';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { recallAndShow } from '@/lib/numbers/number-faces';

// POST /api/v1/numbers/:number_id/recall – back to the client that released it
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(recallNumberOperation, async ({ ctx, params, body }) => toNumberResource(await recallAndShow(ctx, { number: params.number_id, clientId: body.client_id }))),
});
