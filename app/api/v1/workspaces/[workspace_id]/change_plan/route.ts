import { changeWorkspacePlanOperation } from '@/lib/api/operations/plans';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { withApiFieldNames } from '@/lib/workspaces/api-resources';
import { changePlan } from '@/lib/workspaces/change-plan';

// POST /api/v1/workspaces/:workspace_id/change_plan – upgrade now (prorated) or downgrade at the period's end
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(changeWorkspacePlanOperation, async ({ ctx, params, body }) => {
    const { effective, workspace } = await withApiFieldNames(() => changePlan(ctx, params.workspace_id, { planId: body.plan }));
    return { ...workspace, effective };
  }),
});
