import { sendAadhaarOtpOperation } from '@/lib/api/operations/registrations';
import { apiRoute, apiRoutes } from '@/lib/api/route';
import { sendRegistrationAadhaarOtp } from '@/lib/onboarding/kyc-steps';

// POST /api/v1/registrations/:registration_id/aadhaar/otp – send an Aadhaar OTP
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  POST: apiRoute(sendAadhaarOtpOperation, ({ ctx, params, body }) => sendRegistrationAadhaarOtp(ctx, params.registration_id, body)),
});
