import { listPricesOperation } from '@/lib/api/operations/billing';
import { toPriceResource } from '@/lib/api/operations/billing-resources';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { listPartnerPrices } from '@/lib/prices/price-book';

// GET /api/v1/prices – wholesale and retail prices
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listPricesOperation, async ({ ctx }) => ({ object: 'list', data: (await listPartnerPrices(ctx)).map(toPriceResource), has_more: false })),
});
