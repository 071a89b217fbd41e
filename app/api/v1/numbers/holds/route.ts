import { holdNumberOperation, toHoldResource } from '@/lib/api/operations/numbers';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { holdNumber } from '@/lib/numbers/hold-number';

// POST /api/v1/numbers/holds – hold a number for ten minutes
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(holdNumberOperation, async ({ ctx, body }) => toHoldResource(await holdNumber(ctx, { number: body.number, clientId: body.client_id }))),
});
