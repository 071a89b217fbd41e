import { setPlanOfferOperation } from '@/lib/api/operations/plans';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { toPlanResource, withApiFieldNames } from '@/lib/workspaces/api-resources';
import { setPlanOffer } from '@/lib/workspaces/offers';

// PUT /api/v1/plans/:plan_code/offer – offer a plan at retail prices
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  PUT: apiRoute(setPlanOfferOperation, async ({ ctx, params, body }) =>
    toPlanResource(await withApiFieldNames(() => setPlanOffer(ctx, params.plan_code, { offered: body.offered, monthlyRetail: body.monthly_retail ?? null, yearlyRetail: body.yearly_retail ?? null, confirmBelowWholesale: body.confirm_below_wholesale }))),
  ),
});
