import { skipGstOperation } from '@/lib/api/operations/registrations';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { skipRegistrationGst } from '@/lib/onboarding/kyc-steps';

// POST /api/v1/registrations/:registration_id/gst/skip – skip GST
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(skipGstOperation, ({ ctx, params, body }) => skipRegistrationGst(ctx, params.registration_id, body)),
});
