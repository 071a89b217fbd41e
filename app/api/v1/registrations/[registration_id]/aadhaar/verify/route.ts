import { verifyAadhaarOtpOperation } from '@/lib/api/operations/registrations';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { verifyRegistrationAadhaarOtp } from '@/lib/onboarding/kyc-steps';

// POST /api/v1/registrations/:registration_id/aadhaar/verify – verify the Aadhaar OTP
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(verifyAadhaarOtpOperation, ({ ctx, params, body }) => verifyRegistrationAadhaarOtp(ctx, params.registration_id, body)),
});
