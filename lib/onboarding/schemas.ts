import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import { passwordSchema } from '@/lib/auth/password-policy';
import { validateAadhaar } from '@/lib/kyc/validators/aadhaar';
import { businessTypes, type BusinessType } from '@/lib/kyc/validators/pan';
import { emailSchema, personNameSchema } from '@/lib/team/schemas';

/**
 * The inputs of each onboarding step. A compatibility face maps another vendor's field names to these one to one
 * (see lib/compat), so it needs no logic of its own.
 */

/** "+91", "91" or an ISO country such as "IN". */
export const countryCodeSchema = z
  .string()
  .trim()
  .min(1, 'Enter the country code, such as +91.')
  .max(5)
  .regex(/^(\+?\d{1,4}|[A-Za-z]{2})$/, 'Use a calling code such as +91, or a country such as IN.');

/** Parses a mobile number with its country code into E.164, or says why it is not a mobile number. */
export function toE164(mobile: string, countryCode: string): { ok: true; e164: string } | { ok: false; reason: string } {
  const code = countryCode.trim();
  const phone = /^[A-Za-z]{2}$/.test(code)
    ? parsePhoneNumberFromString(mobile, code.toUpperCase() as CountryCode)
    : parsePhoneNumberFromString(mobile.trim().startsWith('+') ? mobile : `+${code.replace('+', '')}${mobile.replace(/^0+/, '')}`);
  if (!phone || !phone.isValid()) return { ok: false, reason: 'Enter a valid mobile number for this country code.' };
  const type = phone.getType();
  if (type && type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return { ok: false, reason: 'This is not a mobile number; OTPs are sent by SMS.' };
  return { ok: true, e164: phone.number };
}

/** Each field of step 1 on its own; the REST body checks them all at once before the mobile is parsed. */
export const registerFields = z.object({
  name: personNameSchema,
  email: emailSchema,
  mobile: z.string().trim().min(4, 'Enter a mobile number.').max(20, 'Enter a mobile number.'),
  country_code: countryCodeSchema.default('+91'),
  password: passwordSchema,
  promo: z.string().trim().toUpperCase().max(40, 'Use at most 40 characters.').optional().transform((value) => value || undefined),
});

export const registerSchema = registerFields
  .transform((input, ctx) => {
    const phone = toE164(input.mobile, input.country_code);
    if (!phone.ok) {
      ctx.addIssue({ code: 'custom', path: ['mobile'], message: phone.reason });
      return z.NEVER;
    }
    return { ...input, mobile: phone.e164 };
  });
export type RegisterInput = z.input<typeof registerSchema>;

export const otpCodeSchema = z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code.');

export const verifyOtpSchema = z
  .object({ email_otp: otpCodeSchema.optional(), mobile_otp: otpCodeSchema.optional() })
  .refine((input) => input.email_otp || input.mobile_otp, { message: 'Enter the code sent by e-mail, by SMS, or both.', path: ['email_otp'] });

export const resendOtpSchema = z.object({ type: z.enum(['email', 'mobile', 'both'], 'Choose email, mobile or both.').default('both') });

export const businessTypeSchema = z.enum(Object.keys(businessTypes) as [BusinessType, ...BusinessType[]], 'Choose the type of business.');

export const panSchema = z.object({ pan: z.string().trim().min(1, 'Enter the PAN.').max(20), business_type: businessTypeSchema });

export const aadhaarOtpSchema = z.object({
  // The number is checked here and then only passed to the provider; the message never repeats it.
  aadhaar_number: z
    .string()
    .trim()
    .min(1, 'Enter the Aadhaar number.')
    .max(20, 'An Aadhaar number has 12 digits.')
    .transform((value, ctx) => {
      const result = validateAadhaar(value);
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', message: result.reason });
        return z.NEVER;
      }
      return result.value;
    }),
});

export const aadhaarVerifySchema = z.object({ otp: otpCodeSchema, reference: z.string().trim().min(1, 'The reference from the OTP step is missing.').max(100) });

export const gstSchema = z.object({ gstin: z.string().trim().min(1, 'Enter the GSTIN.').max(20) });

export const skipGstSchema = z.object({
  reason: z.string().trim().min(3, 'Say why there is no GSTIN, e.g. “Turnover below the GST threshold”.').max(300, 'Use at most 300 characters.'),
});

/** A drawn signature as a PNG data URL, at most 200 KB of image. */
export const maxSignatureBytes = 200 * 1024;
export const acceptSchema = z.object({
  signature: z
    .string()
    .min(1, 'Sign in the box to accept.')
    .max(Math.ceil((maxSignatureBytes * 4) / 3) + 40, `The signature image is larger than ${maxSignatureBytes / 1024} KB.`)
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'The signature must be a PNG image (data:image/png;base64,…).'),
});

export const linkPrefillSchema = z.object({
  name: z.string().trim().max(100).optional(),
  email: z.string().trim().toLowerCase().pipe(z.union([z.literal(''), z.email('Enter a valid e-mail address.')])).optional(),
  mobile: z.string().trim().max(20).optional(),
  country_code: countryCodeSchema.optional(),
});

export const createLinkSchema = z.object({
  prefill: linkPrefillSchema.default({}),
  expires_in_days: z.coerce.number().int().min(1, 'At least 1 day.').max(30, 'At most 30 days.').default(7),
  note: z.string().trim().max(200, 'Use at most 200 characters.').optional(),
});
