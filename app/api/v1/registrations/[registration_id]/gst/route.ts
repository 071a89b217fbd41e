import { verifyGstOperation } from '@/lib/api/operations/registrations';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { verifyRegistrationGst } from '@/lib/onboarding/kyc-steps';

// POST /api/v1/registrations/:registration_id/gst – verify the GSTIN
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(verifyGstOperation, ({ ctx, params, body }) => verifyRegistrationGst(ctx, params.registration_id, body)),
});
