import { createTemplateOperation, listTemplatesOperation, toTemplateResource } from '@/lib/api/operations/provisioning';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { createTemplate, listTemplates } from '@/lib/provisioning/templates';

// GET/POST /api/v1/provisioning_templates
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listTemplatesOperation, async ({ ctx }) => ({ object: 'list', data: (await listTemplates(ctx)).map(toTemplateResource), has_more: false })),
  POST: apiRoute(createTemplateOperation, async ({ ctx, body }) => toTemplateResource(await createTemplate(ctx, body))),
});
