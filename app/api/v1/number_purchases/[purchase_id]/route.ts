import { getPurchaseOperation, toPurchaseResource } from '@/lib/api/operations/numbers';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getPurchase } from '@/lib/numbers/buy-number';

// GET /api/v1/number_purchases/:purchase_id – one purchase
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getPurchaseOperation, async ({ ctx, params }) => toPurchaseResource(await getPurchase(ctx, params.purchase_id))),
});
