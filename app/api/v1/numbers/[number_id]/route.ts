import { getNumberOperation, toNumberResource } from '@/lib/api/operations/numbers';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getNumber } from '@/lib/numbers/client-numbers';

// GET /api/v1/numbers/:number_id – one of the partner's numbers
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getNumberOperation, async ({ ctx, params }) => toNumberResource(await getNumber(ctx, params.number_id))),
});
