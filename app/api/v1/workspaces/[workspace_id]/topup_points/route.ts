import { topUpWorkspacePointsOperation } from '@/lib/api/operations/plans';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getWorkspace } from '@/lib/workspaces/manage-workspaces';
import { topUpPoints } from '@/lib/workspaces/workspace-points';

// POST /api/v1/workspaces/:workspace_id/topup_points – points from the partner's pool
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(topUpWorkspacePointsOperation, async ({ ctx, params, body }) => {
    await topUpPoints(ctx, params.workspace_id, body);
    return getWorkspace(ctx, params.workspace_id);
  }),
});
