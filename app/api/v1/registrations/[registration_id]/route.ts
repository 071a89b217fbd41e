import { getRegistrationOperation } from '@/lib/api/operations/registrations';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { getRegistration } from '@/lib/onboarding/registration-queries';

// GET /api/v1/registrations/:registration_id – get a registration (the KYC preview)
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: apiRoute(getRegistrationOperation, ({ ctx, params }) => getRegistration(ctx, params.registration_id)),
});
