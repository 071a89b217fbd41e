import { previewEmailTemplateOperation } from '@/lib/api/operations/email-templates';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { previewEmailTemplate } from '@/lib/email-templates/manage-templates';

// POST /api/v1/email_templates/:message_type/preview – render a draft without saving it
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(previewEmailTemplateOperation, ({ ctx, params, body }) => previewEmailTemplate(ctx, params.message_type, body)),
});
