import { acceptOperation } from '@/lib/api/operations/registrations';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { acceptRegistration } from '@/lib/onboarding/accept-registration';

// POST /api/v1/registrations/:registration_id/accept – accept KYC and create the client
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(acceptOperation, ({ ctx, params, body }) => acceptRegistration(ctx, params.registration_id, body)),
});
