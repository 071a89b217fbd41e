import { publishTemplateVersionOperation } from '@/lib/api/operations/provisioning';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { publishTemplateVersion } from '@/lib/provisioning/templates';

// POST /api/v1/provisioning_templates/:template_id/versions – publish the draft
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(publishTemplateVersionOperation, async ({ ctx, params, body }) => {
    const made = await publishTemplateVersion(ctx, params.template_id, body);
    return { object: 'template_version', template_id: made.templateId, version: made.version };
  }),
});
