import { buyNumberOperation, toPurchaseResource } from '@/lib/api/operations/numbers';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { buyNumber } from '@/lib/numbers/buy-number';

// POST /api/v1/number_purchases – buy a number for a client (the Idempotency-Key also keys the purchase itself)
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(buyNumberOperation, async ({ ctx, body, request }) =>
    toPurchaseResource(await buyNumber(ctx, { number: body.number, clientId: body.client_id, idempotencyKey: request.headers.get('idempotency-key') ?? undefined })),
  ),
});
