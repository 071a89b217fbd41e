import { setPlanAddonOfferOperation } from '@/lib/api/operations/plans';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { toPlanAddonResource, withApiFieldNames } from '@/lib/workspaces/api-resources';
import { setAddonOffer } from '@/lib/workspaces/offers';

// PUT /api/v1/plan_addons/:addon_code/offer – offer an add-on at retail prices
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  PUT: apiRoute(setPlanAddonOfferOperation, async ({ ctx, params, body }) =>
    toPlanAddonResource(await withApiFieldNames(() => setAddonOffer(ctx, params.addon_code, { offered: body.offered, monthlyRetail: body.monthly_retail ?? null, yearlyRetail: body.yearly_retail ?? null, confirmBelowWholesale: body.confirm_below_wholesale }))),
  ),
});
