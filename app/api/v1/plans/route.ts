import { listPlansOperation } from '@/lib/api/operations/plans';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { toPlanResource } from '@/lib/workspaces/api-resources';
import { listOffers } from '@/lib/workspaces/offers';

// GET /api/v1/plans – the plans with this partner's prices and offers
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listPlansOperation, async ({ ctx }) => ({
    object: 'list',
    data: (await listOffers(ctx)).plans.map(toPlanResource),
    has_more: false,
  })),
});
