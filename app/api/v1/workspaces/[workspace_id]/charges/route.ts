import { listWorkspaceChargesOperation } from '@/lib/api/operations/plans';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { toWorkspaceChargeResource } from '@/lib/workspaces/api-resources';
import { workspaceChargesOf } from '@/lib/workspaces/manage-workspaces';

// GET /api/v1/workspaces/:workspace_id/charges – what the plan and add-ons cost
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listWorkspaceChargesOperation, async ({ ctx, params }) => ({
    object: 'list',
    data: (await workspaceChargesOf(ctx, params.workspace_id)).map(toWorkspaceChargeResource),
    has_more: false,
  })),
});
