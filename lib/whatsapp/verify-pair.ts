import { AppError, type ErrorCode } from '@/lib/errors/app-error';
import { CloudApiError, cloudApiReasons, reasonForMetaError, type CloudApiReason, type PhoneNumberInfo, type TokenInfo, type WhatsappCloudProvider } from '@/lib/providers/whatsapp-cloud/cloud-api-provider';

export type VerifiedPair = { number: PhoneNumberInfo; token: TokenInfo };

/**
 * Checks a (phone number id, token) pair for real: the token is valid and not expired, it reads the number,
 * and it reaches the number's business account. Throws CloudApiError with a stable reason otherwise.
 */
export async function verifyPair(provider: WhatsappCloudProvider, phoneNumberId: string, accessToken: string, now: Date = new Date()): Promise<VerifiedPair> {
  const token = await provider.debugToken(accessToken);
  if (!token.isValid) {
    const code = token.error?.code ?? 190;
    throw new CloudApiError(reasonForMetaError(code, token.error?.subcode ?? null), code, token.error?.subcode ?? null);
  }
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) throw new CloudApiError('token_expired', 190, 463);
  const number = await provider.readPhoneNumber(phoneNumberId, accessToken);
  // Meta answers a read for some tokens whose grant names other accounts; the token must reach this number's own.
  if (token.wabaIds && number.wabaId && !token.wabaIds.includes(number.wabaId)) throw new CloudApiError('number_not_accessible', 100, 33);
  return { number, token };
}

const tokenReasons = new Set<CloudApiReason>(['token_expired', 'token_invalid', 'permission_missing']);

/** A failed verification as the error a form or API client gets: a stable code, beside the field at fault. */
export function appErrorFor(error: CloudApiError): AppError {
  const code = `whatsapp_${error.reason}` as ErrorCode;
  const field = tokenReasons.has(error.reason) ? 'access_token' : error.reason === 'number_not_accessible' || error.reason === 'number_not_registered' ? 'phone_number_id' : undefined;
  const message = cloudApiReasons[error.reason];
  const extensions = error.metaCode !== null ? { meta_code: error.metaCode, ...(error.metaSubcode !== null ? { meta_subcode: error.metaSubcode } : {}) } : undefined;
  return new AppError(code, message, field ? { [field]: message } : undefined, error.retryable ? { 'Retry-After': error.reason === 'rate_limited' ? '300' : '30' } : undefined, extensions);
}
