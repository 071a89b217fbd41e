import { verifyOtpOperation } from '@/lib/api/operations/registrations';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { verifyRegistrationOtp } from '@/lib/onboarding/verify-otp';

// POST /api/v1/registrations/:registration_id/verify_otp – verify the e-mail and mobile OTPs
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(verifyOtpOperation, ({ ctx, params, body }) => verifyRegistrationOtp(ctx, params.registration_id, body)),
});
