import { cancelRegistrationOperation } from '@/lib/api/operations/registrations';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { cancelRegistration } from '@/lib/onboarding/registration-queries';

// POST /api/v1/registrations/:registration_id/cancel – cancel a registration
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(cancelRegistrationOperation, ({ ctx, params, body }) => cancelRegistration(ctx, params.registration_id, typeof body.reason === 'string' ? body.reason : undefined)),
});
