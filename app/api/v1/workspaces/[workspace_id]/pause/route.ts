import { pauseWorkspaceOperation } from '@/lib/api/operations/plans';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { pauseWorkspace } from '@/lib/workspaces/manage-workspaces';

// POST /api/v1/workspaces/:workspace_id/pause – pause with a reason
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(pauseWorkspaceOperation, async ({ ctx, params, body }) => pauseWorkspace(ctx, params.workspace_id, body)),
});
