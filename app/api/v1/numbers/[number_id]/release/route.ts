import { releaseNumberOperation, toNumberResource } from '@/lib/api/operations/numbers';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { releaseAndShow } from '@/lib/numbers/number-faces';

// POST /api/v1/numbers/:number_id/release – into quarantine
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(releaseNumberOperation, async ({ ctx, params }) => toNumberResource(await releaseAndShow(ctx, { number: params.number_id }))),
});
