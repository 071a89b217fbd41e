import { listInstallsOperation, toInstallResource } from '@/lib/api/operations/provisioning';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { listInstalls } from '@/lib/provisioning/history';

// GET /api/v1/template_installs – install records
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listInstallsOperation, async ({ ctx, query }) => {
    const page = await listInstalls(ctx, { ...query, clientId: query.client_id, templateId: query.template_id });
    return { object: 'list', data: page.data.map(toInstallResource), has_more: page.has_more };
  }),
});
