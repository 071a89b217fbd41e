import { resetSandboxOperation } from '@/lib/api/operations/provisioning';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { sampleLogins } from '@/lib/sandbox/seed-sandbox';
import { resetSandbox } from '@/lib/sandbox/reset-sandbox';

// POST /api/v1/sandbox/reset – a clean sandbox with sample data
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(resetSandboxOperation, async ({ ctx }) => {
    const reset = await resetSandbox(ctx);
    return { object: 'sandbox_reset', sandbox_id: reset.sandboxId, contents: reset.contents, sample_password: reset.password, sample_logins: sampleLogins };
  }),
});
