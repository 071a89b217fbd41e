import { removeWorkspaceAddonOperation } from '@/lib/api/operations/plans';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { withApiFieldNames } from '@/lib/workspaces/api-resources';
import { removeAddon } from '@/lib/workspaces/change-plan';

// POST /api/v1/workspaces/:workspace_id/remove_addon – remove add-on units at the period's end
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(removeWorkspaceAddonOperation, async ({ ctx, params, body }) =>
    withApiFieldNames(() =>
      removeAddon(ctx, params.workspace_id, {
        addonId: body.addon,
        quantity: body.quantity,
      }),
    ),
  ),
});
