import { listEmailTemplatesOperation } from '@/lib/api/operations/email-templates';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { listEmailTemplates } from '@/lib/email-templates/manage-templates';

// GET /api/v1/email_templates – every message type's wording
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(listEmailTemplatesOperation, async ({ ctx }) => ({ object: 'list', data: await listEmailTemplates(ctx), has_more: false })),
});
