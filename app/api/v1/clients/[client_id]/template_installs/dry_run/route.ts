import { dryRunInstallOperation, toPlannedResource } from '@/lib/api/operations/provisioning';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { dryRunInstall } from '@/lib/provisioning/install';

// POST /api/v1/clients/:client_id/template_installs/dry_run – what an install would do
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(dryRunInstallOperation, async ({ ctx, params, body }) => {
    const plan = await dryRunInstall(ctx, params.client_id, body);
    return { object: 'template_dry_run', client_id: plan.client.id, template_id: plan.template.id, version: plan.version, installed_version: plan.installedVersion, items: plan.items.map(toPlannedResource) };
  }),
});
