import { previewFlowOperation, toPreviewResource } from '@/lib/api/operations/flows';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { previewFlow } from '@/lib/flows/preview';

// GET /api/v1/flows/:flow_id/preview – what a call arriving now would do
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(previewFlowOperation, async ({ ctx, params, query }) => toPreviewResource(await previewFlow(ctx, params.flow_id, { at: query.at ? new Date(query.at) : undefined }))),
});
