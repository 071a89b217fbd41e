import { completeSandboxOperation } from '@/lib/api/operations/registrations';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { completeSandboxRegistration } from '@/lib/onboarding/complete-sandbox-registration';

// POST /api/v1/registrations/:registration_id/simulate_kyc – complete simulated KYC (test mode only)
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(completeSandboxOperation, ({ ctx, params }) => completeSandboxRegistration(ctx, params.registration_id)),
});
