import { getInstallOperation, toInstallResource } from '@/lib/api/operations/provisioning';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getInstall } from '@/lib/provisioning/history';

// GET /api/v1/template_installs/:install_id
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getInstallOperation, async ({ ctx, params }) => toInstallResource(await getInstall(ctx, params.install_id))),
});
