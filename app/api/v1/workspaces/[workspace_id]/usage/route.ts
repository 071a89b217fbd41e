import { reportWorkspaceUsageOperation } from '@/lib/api/operations/plans';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { reportUsage } from '@/lib/workspaces/manage-workspaces';

// POST /api/v1/workspaces/:workspace_id/usage – current counts, checked against the limits
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(reportWorkspaceUsageOperation, async ({ ctx, params, body }) =>
    reportUsage(ctx, params.workspace_id, {
      botUsers: body.bot_users,
      members: body.members,
      bots: body.bots,
    }),
  ),
});
