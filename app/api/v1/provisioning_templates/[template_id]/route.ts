import { getTemplateOperation, toTemplateResource, updateTemplateOperation } from '@/lib/api/operations/provisioning';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getTemplate, updateTemplate } from '@/lib/provisioning/templates';

// GET/PATCH /api/v1/provisioning_templates/:template_id
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getTemplateOperation, async ({ ctx, params }) => toTemplateResource(await getTemplate(ctx, params.template_id))),
  PATCH: apiRoute(updateTemplateOperation, async ({ ctx, params, body }) => toTemplateResource(await updateTemplate(ctx, params.template_id, body))),
});
