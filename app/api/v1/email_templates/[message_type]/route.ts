import { getEmailTemplateOperation, resetEmailTemplateOperation, updateEmailTemplateOperation } from '@/lib/api/operations/email-templates';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getEmailTemplate, resetEmailTemplate, saveEmailTemplate } from '@/lib/email-templates/manage-templates';

// GET/PUT/DELETE /api/v1/email_templates/:message_type – get, set, reset to default
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getEmailTemplateOperation, ({ ctx, params }) => getEmailTemplate(ctx, params.message_type)),
  PUT: apiRoute(updateEmailTemplateOperation, ({ ctx, params, body }) => saveEmailTemplate(ctx, params.message_type, body)),
  DELETE: apiRoute(resetEmailTemplateOperation, ({ ctx, params }) => resetEmailTemplate(ctx, params.message_type)),
});
