import { z } from 'zod';
import { kycSimulatorRules, sandboxAadhaarOtp } from '@/lib/providers/kyc/kyc-simulator';
import { sandboxOtp } from '@/lib/onboarding/otp';
import { registrationStages } from '@/lib/onboarding/registration-queries';
import { requirementErrorCodes } from '@/lib/onboarding/requirements';
import { aadhaarOtpSchema, aadhaarVerifySchema, acceptSchema, businessTypeSchema, gstSchema, otpCodeSchema, panSchema, registerFields, resendOtpSchema, skipGstSchema } from '@/lib/onboarding/schemas';
import { listParamsShape } from '@/lib/pagination/cursor';
import { defineOperation } from '../operation';
import { idOf, pageOf, timestamp } from '../schemas';

const requirement = z.enum(['email_otp', 'mobile_otp', 'pan', 'aadhaar', 'gst', 'signature']);

export const registrationResource = z
  .object({
    object: z.literal('registration'),
    id: idOf('reg', 'The registration’s id.'),
    status: z.enum(['pending', 'completed', 'cancelled', 'expired']),
    source: z.enum(['api', 'console', 'link']),
    name: z.string(),
    email: z.string(),
    mobile: z.string().meta({ description: 'E.164.', example: '+919876543210' }),
    country_code: z.string(),
    promo: z.string().nullable(),
    email_verified: z.boolean(),
    mobile_verified: z.boolean(),
    kyc: z.object({
      business_type: z.string().nullable(),
      pan: z.object({ status: z.string(), masked: z.string().nullable(), registered_name: z.string().nullable(), failure_reason: z.string().nullable() }),
      aadhaar: z.object({ status: z.string(), masked: z.string().nullable().meta({ description: 'Only the last four digits are ever kept.' }), reference: z.string().nullable(), failure_reason: z.string().nullable() }),
      gst: z.object({ status: z.string(), masked: z.string().nullable(), legal_name: z.string().nullable(), failure_reason: z.string().nullable(), skip_reason: z.string().nullable() }),
      provider: z.string().nullable().meta({
        description:
          'The KYC provider that answered the checks, null before any check. `simulator` is the platform’s own deterministic simulator: always in test mode, and in live mode while no real provider is configured, so a live registration verified by it has not been checked against official records.',
        example: 'simulator',
      }),
      submitted_at: timestamp.nullable(),
    }),
    requirements: z
      .object({
        currently_due: z.array(requirement),
        pending_verification: z.array(requirement),
        errors: z.array(
          z.object({
            requirement,
            code: z.enum(requirementErrorCodes).meta({ description: 'Stable: a locked e-mail or SMS code (send a new one), a failed provider check, a wrong Aadhaar OTP (try again: the reason says how many attempts are left), or an Aadhaar OTP locked by too many wrong ones (send a new one).' }),
            reason: z.string().meta({ description: 'For people; the wording may change.' }),
          }),
        ),
        next_step: z.enum(['verify_otp', 'verify_pan', 'send_aadhaar_otp', 'verify_aadhaar_otp', 'verify_gst', 'accept', 'wait_for_verification']).nullable(),
      })
      .meta({ description: 'What is due now, what a provider is still checking, each failure with its reason, and the next step.' }),
    client_id: z.string().nullable().meta({ description: 'The client created on acceptance.' }),
    accepted_at: timestamp.nullable(),
    expires_at: timestamp,
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'Registration' });

const example = {
  object: 'registration',
  id: 'reg_01kaz3d4mqf2v8n6w0c1e5rj7t',
  status: 'pending',
  source: 'api',
  name: 'Acme Corp',
  email: 'ops@acme.example',
  mobile: '+919876543210',
  country_code: '+91',
  promo: null,
  email_verified: true,
  mobile_verified: true,
  kyc: {
    business_type: 'company',
    pan: { status: 'verified', masked: 'AAXXXXXX5K', registered_name: 'ACME CORP', failure_reason: null },
    aadhaar: { status: 'unverified', masked: null, reference: null, failure_reason: null },
    gst: { status: 'unverified', masked: null, legal_name: null, failure_reason: null, skip_reason: null },
    provider: 'simulator',
    submitted_at: null,
  },
  requirements: { currently_due: ['aadhaar', 'gst', 'signature'], pending_verification: [], errors: [], next_step: 'send_aadhaar_otp' },
  client_id: null,
  accepted_at: null,
  expires_at: '2026-12-22T10:00:00.000Z',
  created_at: '2026-11-22T10:00:00.000Z',
  updated_at: '2026-11-22T10:05:00.000Z',
};

const registrationIdParams = z.strictObject({ registration_id: idOf('reg', 'The registration’s id.') });
const response = (description: string) => ({ status: 200 as const, description, schema: registrationResource, example });
const simulatorNote = (rules: readonly { when: string; outcome: string }[]) =>
  `\n\nIn test mode (sk_test_ keys) the KYC simulator answers: ${rules.map((r) => `when ${r.when} → ${r.outcome}`).join('; ')}.`;
const stepErrors = ['not_found', 'conflict', 'validation_failed', 'locked', 'otp_resend_limit'] as const;

export const createRegistrationOperation = defineOperation({
  method: 'POST',
  path: '/registrations',
  operationId: 'createRegistration',
  summary: 'Register a client (step 1)',
  description: `Starts onboarding: creates a pending registration and sends six-digit codes to the e-mail address and the mobile number (valid 10 minutes). The mobile is normalised to E.164 with \`country_code\`. An e-mail or mobile already used by a client or an open registration of this partner is refused (409). Send an Idempotency-Key so a retry never registers twice. In test mode both codes are always ${sandboxOtp}.`,
  tag: 'Onboarding',
  scope: 'onboarding:write',
  // The domain's own field schemas, so a request hears about every field at once, in the same words as the forms.
  body: z.strictObject({
    name: registerFields.shape.name.meta({ example: 'Acme Corp' }),
    email: registerFields.shape.email.meta({ example: 'ops@acme.example' }),
    mobile: registerFields.shape.mobile.meta({ example: '9876543210' }),
    country_code: registerFields.shape.country_code.meta({ example: '+91', description: 'Calling code (+91) or ISO country (IN); default +91.' }),
    password: registerFields.shape.password.meta({ description: 'The client owner’s password: at least 10 characters, letters mixed with digits or symbols.' }),
    promo: registerFields.shape.promo.meta({ description: 'A promo code defined by the partner.' }),
  }),
  bodyExample: { name: 'Acme Corp', email: 'ops@acme.example', mobile: '9876543210', country_code: '+91', password: 'SecurePass@123' },
  response: { ...response('The new registration.'), status: 201 },
  errors: ['conflict', 'validation_failed'],
});

export const listRegistrationsOperation = defineOperation({
  method: 'GET',
  path: '/registrations',
  operationId: 'listRegistrations',
  summary: 'List registrations',
  description: 'Registrations newest first, filtered by status, stage (where pending ones are stuck) or a search of name and e-mail.',
  tag: 'Onboarding',
  scope: 'onboarding:read',
  query: z.strictObject({
    ...listParamsShape,
    status: z.enum(['pending', 'completed', 'cancelled', 'expired']).optional(),
    stage: z.enum(registrationStages).optional().meta({ description: 'Pending registrations at this stage.' }),
    search: z.string().trim().min(1).max(200).optional(),
  }),
  response: { status: 200, description: 'A page of registrations.', schema: pageOf(registrationResource), example: { object: 'list', data: [example], has_more: false } },
});

export const getRegistrationOperation = defineOperation({
  method: 'GET',
  path: '/registrations/{registration_id}',
  operationId: 'getRegistration',
  summary: 'Get a registration (preview)',
  description: 'Everything captured so far, masked, with its requirements. Use it as the preview before acceptance.',
  tag: 'Onboarding',
  scope: 'onboarding:read',
  params: registrationIdParams,
  response: response('The registration.'),
  errors: ['not_found'],
});

const step = (path: string, operationId: string, summary: string, description: string, body: z.ZodObject, bodyExample: unknown) =>
  defineOperation({
    method: 'POST',
    path: `/registrations/{registration_id}/${path}`,
    operationId,
    summary,
    description,
    tag: 'Onboarding',
    scope: 'onboarding:write',
    params: registrationIdParams,
    body,
    bodyExample,
    response: response('The registration after the step.'),
    errors: [...stepErrors],
  });

export const verifyOtpOperation = step(
  'verify_otp',
  'verifyRegistrationOtp',
  'Verify the OTPs (step 2)',
  `Checks the codes sent by e-mail and SMS (either alone, or both). Five wrong codes lock a code until a new one is sent (423). Both verified opens KYC. Test mode: ${sandboxOtp}.`,
  z.strictObject({ email_otp: otpCodeSchema.optional().meta({ example: '123456' }), mobile_otp: otpCodeSchema.optional().meta({ example: '123456' }) }),
  { email_otp: '123456', mobile_otp: '123456' },
);

export const resendOtpOperation = step(
  'resend_otp',
  'resendRegistrationOtp',
  'Resend OTPs',
  'Sends new codes by `email`, `mobile` or `both`; each channel at most once a minute (429 with Retry-After).',
  z.strictObject(resendOtpSchema.shape),
  { type: 'both' },
);

export const verifyPanOperation = step(
  'pan',
  'verifyRegistrationPan',
  'Verify the business PAN (step 3a)',
  `Checks the PAN's structure and that its 4th character matches the business type (P individual or proprietorship, C company, H HUF, F firm or LLP, A AOP, T trust, B BOI, L local authority, J artificial juridical person, G government), then asks the KYC provider.${simulatorNote(kycSimulatorRules.pan)}`,
  z.strictObject({ pan: panSchema.shape.pan.meta({ example: 'AAACR5055K' }), business_type: businessTypeSchema }),
  { pan: 'AAACR5055K', business_type: 'company' },
);

export const sendAadhaarOtpOperation = step(
  'aadhaar/otp',
  'sendRegistrationAadhaarOtp',
  'Send an Aadhaar OTP (step 3b)',
  `Checks the number (12 digits, not starting with 0 or 1, Verhoeff check digit) and asks the provider to send an OTP to the Aadhaar-linked mobile; the answer carries the \`reference\` for step 3c. Only the last four digits are ever stored, and no answer, log or event repeats the number.${simulatorNote(kycSimulatorRules.aadhaar)}`,
  z.strictObject({ aadhaar_number: aadhaarOtpSchema.shape.aadhaar_number.meta({ example: '234567890124' }) }),
  { aadhaar_number: '234567890124' },
);

export const verifyAadhaarOtpOperation = step(
  'aadhaar/verify',
  'verifyRegistrationAadhaarOtp',
  'Verify the Aadhaar OTP (step 3c)',
  `Confirms the OTP with the reference from step 3b. Test mode: ${sandboxAadhaarOtp}.`,
  z.strictObject({ otp: aadhaarVerifySchema.shape.otp.meta({ example: '123456' }), reference: aadhaarVerifySchema.shape.reference.meta({ example: 'simref_9c41e07b2d8a5f36b1e4c07d92a3f851' }) }),
  { otp: '123456', reference: 'simref_9c41e07b2d8a5f36b1e4c07d92a3f851' },
);

export const verifyGstOperation = step(
  'gst',
  'verifyRegistrationGst',
  'Verify the GSTIN (step 3d)',
  `Checks the GSTIN's structure, state code, that the PAN inside it is the verified PAN, and its mod-36 check character, then asks the provider.${simulatorNote(kycSimulatorRules.gstin)}`,
  z.strictObject({ gstin: gstSchema.shape.gstin.meta({ example: '27AAACR5055K1Z7' }) }),
  { gstin: '27AAACR5055K1Z7' },
);

export const skipGstOperation = step(
  'gst/skip',
  'skipRegistrationGst',
  'Skip GST (step 3d)',
  'For clients without a GSTIN, with the reason kept.',
  z.strictObject({ reason: skipGstSchema.shape.reason.meta({ example: 'Turnover below the GST threshold' }) }),
  { reason: 'Turnover below the GST threshold' },
);

export const acceptOperation = step(
  'accept',
  'acceptRegistration',
  'Accept and create the client (step 4)',
  'With every KYC step done, the drawn signature (a PNG data URL, at most 200 KB) turns the registration into an active client whose owner signs in with the registration’s e-mail and password. Safe to retry: concurrent or repeated accepts create one client.',
  z.strictObject({ signature: acceptSchema.shape.signature.meta({ example: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' }) }),
  { signature: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' },
);

export const cancelRegistrationOperation = step(
  'cancel',
  'cancelRegistration',
  'Cancel a registration',
  'Stops an open registration; its e-mail and mobile can register again.',
  z.strictObject({ reason: z.string().max(300).optional() }),
  { reason: 'Duplicate sign-up' },
);

export const completeSandboxOperation = step(
  'simulate_kyc',
  'simulateRegistrationKyc',
  'Complete simulated KYC (test mode only)',
  'Test mode only (sk_test_ keys): completes every remaining step with simulated KYC and accepts, so a test client exists in one call. A live key gets 403: live clients exist only after real KYC.',
  z.strictObject({}),
  {},
);
