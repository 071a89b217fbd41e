import { setRetailPriceOperation } from '@/lib/api/operations/billing';
import { toPriceResource } from '@/lib/api/operations/billing-resources';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { setRetailPrice } from '@/lib/prices/price-book';

// PUT /api/v1/prices/:product – set a retail price
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  PUT: apiRoute(setRetailPriceOperation, async ({ ctx, params, body }) => toPriceResource(await setRetailPrice(ctx, { product: params.product, amount: body.amount, confirmBelowWholesale: body.confirm_below_wholesale }))),
});
