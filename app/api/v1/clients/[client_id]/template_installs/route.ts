import { installTemplateOperation, toInstallResource } from '@/lib/api/operations/provisioning';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { installTemplate } from '@/lib/provisioning/install';

// POST /api/v1/clients/:client_id/template_installs – install a template
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(installTemplateOperation, async ({ ctx, params, body, request }) =>
    toInstallResource(await installTemplate(ctx, params.client_id, body, { idempotencyKey: request.headers.get('idempotency-key') ?? undefined })),
  ),
});
