import { createRegistrationOperation, listRegistrationsOperation } from '@/lib/api/operations/registrations';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { createRegistration } from '@/lib/onboarding/create-registration';
import { listRegistrations } from '@/lib/onboarding/registration-queries';

// POST /api/v1/registrations – register a client; GET – list registrations
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(createRegistrationOperation, ({ ctx, body }) => createRegistration(ctx, body, { source: 'api' })),
  GET: apiRoute(listRegistrationsOperation, async ({ ctx, query }) => ({ object: 'list', ...(await listRegistrations(ctx, query)) })),
});
