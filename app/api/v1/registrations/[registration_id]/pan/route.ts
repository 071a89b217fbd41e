import { verifyPanOperation } from '@/lib/api/operations/registrations';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { verifyRegistrationPan } from '@/lib/onboarding/kyc-steps';

// POST /api/v1/registrations/:registration_id/pan – verify the business PAN
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(verifyPanOperation, ({ ctx, params, body }) => verifyRegistrationPan(ctx, params.registration_id, body)),
});
