import { resumeWorkspaceOperation } from '@/lib/api/operations/plans';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { resumeWorkspace } from '@/lib/workspaces/manage-workspaces';

// POST /api/v1/workspaces/:workspace_id/resume – resume a workspace the partner paused
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(resumeWorkspaceOperation, async ({ ctx, params }) => resumeWorkspace(ctx, params.workspace_id)),
});
