import { listPlanAddonsOperation } from '@/lib/api/operations/plans';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { toPlanAddonResource } from '@/lib/workspaces/api-resources';
import { listOffers } from '@/lib/workspaces/offers';

// GET /api/v1/plan_addons – the add-ons with this partner's prices and offers
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listPlanAddonsOperation, async ({ ctx }) => ({
    object: 'list',
    data: (await listOffers(ctx)).addons.map(toPlanAddonResource),
    has_more: false,
  })),
});
