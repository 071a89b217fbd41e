import { searchNumbersOperation, toOfferResource } from '@/lib/api/operations/numbers';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { searchNumbers } from '@/lib/numbers/search-numbers';

// GET /api/v1/numbers/available – search available numbers
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(searchNumbersOperation, async ({ ctx, query }) => ({ object: 'list' as const, data: (await searchNumbers(ctx, query)).map(toOfferResource), has_more: false })),
});
