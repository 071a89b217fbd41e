import { saveClientAsTemplateOperation, toTemplateResource } from '@/lib/api/operations/provisioning';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { saveClientAsTemplate } from '@/lib/provisioning/templates';

// POST /api/v1/provisioning_templates/from_client – a client's setup as a new template
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(saveClientAsTemplateOperation, async ({ ctx, body }) => toTemplateResource(await saveClientAsTemplate(ctx, body))),
});
