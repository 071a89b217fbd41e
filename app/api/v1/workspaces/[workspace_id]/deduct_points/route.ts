import { deductWorkspacePointsOperation } from '@/lib/api/operations/plans';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getWorkspace } from '@/lib/workspaces/manage-workspaces';
import { deductPoints } from '@/lib/workspaces/workspace-points';

// POST /api/v1/workspaces/:workspace_id/deduct_points – points back to the partner's pool
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(deductWorkspacePointsOperation, async ({ ctx, params, body }) => {
    await deductPoints(ctx, params.workspace_id, body);
    return getWorkspace(ctx, params.workspace_id);
  }),
});
