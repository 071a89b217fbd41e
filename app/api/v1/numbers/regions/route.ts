import { listNumberRegionsOperation } from '@/lib/api/operations/numbers';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { numberRegions } from '@/lib/numbers/search-numbers';

// GET /api/v1/numbers/regions – where numbers can be searched
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listNumberRegionsOperation, async ({ query }) => ({ object: 'list' as const, data: numberRegions(query.country), has_more: false })),
});
