import { resendOtpOperation } from '@/lib/api/operations/registrations';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { resendRegistrationOtp } from '@/lib/onboarding/verify-otp';

// POST /api/v1/registrations/:registration_id/resend_otp – resend OTPs
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(resendOtpOperation, ({ ctx, params, body }) => resendRegistrationOtp(ctx, params.registration_id, body)),
});
