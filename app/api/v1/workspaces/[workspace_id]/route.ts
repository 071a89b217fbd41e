import { cancelWorkspaceOperation, getWorkspaceOperation, updateWorkspaceOperation } from '@/lib/api/operations/plans';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { withApiFieldNames } from '@/lib/workspaces/api-resources';
import { cancelWorkspace, getWorkspace, updateWorkspace } from '@/lib/workspaces/manage-workspaces';

// GET /api/v1/workspaces/:workspace_id – one workspace; PATCH – name, auto-renew; DELETE – cancel
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getWorkspaceOperation, async ({ ctx, params }) => getWorkspace(ctx, params.workspace_id)),
  PATCH: apiRoute(updateWorkspaceOperation, async ({ ctx, params, body }) =>
    withApiFieldNames(() =>
      updateWorkspace(ctx, params.workspace_id, {
        name: body.name,
        autoRenew: body.auto_renew,
      }),
    ),
  ),
  DELETE: apiRoute(cancelWorkspaceOperation, async ({ ctx, params, query }) => cancelWorkspace(ctx, params.workspace_id, { reason: query.reason })),
});
