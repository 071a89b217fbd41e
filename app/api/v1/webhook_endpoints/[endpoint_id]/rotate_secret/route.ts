import { rotateWebhookSecretOperation, withSecret } from '@/lib/api/operations/webhooks';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { rotateWebhookSecret } from '@/lib/webhooks/endpoint-secrets';

// POST /api/v1/webhook_endpoints/:endpoint_id/rotate_secret – new secret, answered once; the old one signs 24 h more
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(rotateWebhookSecretOperation, async ({ ctx, params }) => withSecret(await rotateWebhookSecret(ctx, params.endpoint_id))),
});
