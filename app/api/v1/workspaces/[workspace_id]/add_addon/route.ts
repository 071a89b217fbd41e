import { addWorkspaceAddonOperation } from '@/lib/api/operations/plans';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { withApiFieldNames } from '@/lib/workspaces/api-resources';
import { addAddon } from '@/lib/workspaces/change-plan';

// POST /api/v1/workspaces/:workspace_id/add_addon – add add-on units now (prorated)
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(addWorkspaceAddonOperation, async ({ ctx, params, body }) =>
    withApiFieldNames(() =>
      addAddon(ctx, params.workspace_id, {
        addonId: body.addon,
        quantity: body.quantity,
      }),
    ),
  ),
});
