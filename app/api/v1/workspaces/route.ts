import { createWorkspaceOperation, listWorkspacesOperation } from '@/lib/api/operations/plans';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { withApiFieldNames } from '@/lib/workspaces/api-resources';
import { createWorkspace, listWorkspaces } from '@/lib/workspaces/manage-workspaces';

// GET /api/v1/workspaces – list workspaces; POST – create one for a client
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listWorkspacesOperation, async ({ ctx, query }) => ({
    object: 'list',
    ...(await listWorkspaces(ctx, { ...query, clientId: query.client_id })),
  })),
  POST: apiRoute(createWorkspaceOperation, async ({ ctx, body }) =>
    withApiFieldNames(() =>
      createWorkspace(ctx, {
        clientId: body.client_id,
        name: body.name,
        planId: body.plan,
        billingPeriod: body.billing_period,
        autoRenew: body.auto_renew,
      }),
    ),
  ),
});
