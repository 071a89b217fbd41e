/**
 * What Switchboard asks of Meta's WhatsApp Cloud API to link and watch a number: read the phone number (its
 * display number, verified name, quality, status, health) and inspect the access token (valid, expiry, which
 * business accounts it reaches). The real adapter speaks the Graph API; the simulator answers the same from
 * magic tokens.
 */

export type HealthLevel = 'AVAILABLE' | 'LIMITED' | 'BLOCKED';

export type HealthEntity = {
  entityType: string;
  id: string | null;
  canSendMessage: HealthLevel | null;
  errors: { code: number | null; description: string; possibleSolution: string | null }[];
};

export type PhoneNumberInfo = {
  id: string;
  displayPhoneNumber: string;
  verifiedName: string;
  qualityRating: string | null;
  nameStatus: string | null;
  platformType: string | null;
  throughputLevel: string | null;
  status: string | null;
  messagingLimitTier: string | null;
  accountMode: string | null;
  codeVerificationStatus: string | null;
  /** The worst `can_send_message` over every entity (Meta's top level). */
  canSendMessage: HealthLevel | null;
  entities: HealthEntity[];
  /** The WhatsApp Business Account the number belongs to (its WABA entity in the health status). */
  wabaId: string | null;
};

export type TokenInfo = {
  isValid: boolean;
  /** Null when the token never expires (Meta's `expires_at: 0`). */
  expiresAt: Date | null;
  scopes: string[];
  /** The business accounts the WhatsApp scopes reach; null when they are not limited to named accounts. */
  wabaIds: string[] | null;
  /** Why an invalid token is invalid, in Meta's codes. */
  error: { code: number; subcode: number | null; message: string } | null;
};

/** Stable reasons a link or a check fails, whatever words Meta used. */
export const cloudApiReasons = {
  token_expired: 'The access token has expired (Meta error 190, subcode 463): create a new token and link the number again.',
  token_invalid: 'The access token is not valid (Meta error 190): it was revoked, mistyped, or belongs to another app.',
  number_not_accessible: 'This phone number id does not exist or this token cannot reach it (Meta error 100, subcode 33): check the id, and that the token was granted the number’s business account.',
  permission_missing: 'The token lacks a permission this needs (Meta error 10 or 200–299): grant whatsapp_business_management and whatsapp_business_messaging.',
  rate_limited: 'Meta is limiting calls for this app or business account (Meta error 4 or 80007): try again in a few minutes.',
  number_not_registered: 'The number is not registered with the Cloud API (Meta error 133010): register it, then link it.',
  provider_error: 'Meta answered with an error we do not recognise; nothing was changed.',
  provider_unreachable: 'Meta could not be reached; nothing was changed. Try again shortly.',
} as const;

export type CloudApiReason = keyof typeof cloudApiReasons;

/** Meta's error code (and subcode) as one of the stable reasons; Meta says to branch on the code, never the text. */
export function reasonForMetaError(code: number, subcode: number | null): CloudApiReason {
  if (code === 190) return subcode === 463 ? 'token_expired' : 'token_invalid';
  if (code === 0 || code === 102) return 'token_invalid';
  if (code === 100) return 'number_not_accessible';
  if (code === 10 || (code >= 200 && code <= 299)) return 'permission_missing';
  if (code === 4 || code === 17 || code === 32 || code === 613 || code === 80007 || code === 130429) return 'rate_limited';
  if (code === 133010) return 'number_not_registered';
  return 'provider_error';
}

export class CloudApiError extends Error {
  constructor(
    readonly reason: CloudApiReason,
    readonly metaCode: number | null = null,
    readonly metaSubcode: number | null = null,
  ) {
    super(cloudApiReasons[reason]);
    this.name = 'CloudApiError';
  }

  get retryable(): boolean {
    return this.reason === 'rate_limited' || this.reason === 'provider_unreachable';
  }
}

export interface WhatsappCloudProvider {
  readonly name: 'graph' | 'simulator';
  /** GET /{version}/{phone_number_id} with the number's fields and health; throws CloudApiError. */
  readPhoneNumber(phoneNumberId: string, accessToken: string): Promise<PhoneNumberInfo>;
  /** GET /{version}/debug_token for the token; an invalid token answers `isValid: false`, not an error. */
  debugToken(accessToken: string): Promise<TokenInfo>;
}

/** The fields Switchboard reads of a phone number. */
export const phoneNumberFields = ['display_phone_number', 'verified_name', 'code_verification_status', 'quality_rating', 'name_status', 'platform_type', 'throughput', 'status', 'messaging_limit_tier', 'account_mode', 'health_status'] as const;

const levelRank: Record<HealthLevel, number> = { AVAILABLE: 0, LIMITED: 1, BLOCKED: 2 };

export function worstLevel(levels: (HealthLevel | null)[]): HealthLevel | null {
  return levels.reduce<HealthLevel | null>((worst, level) => (level && (!worst || levelRank[level] > levelRank[worst]) ? level : worst), null);
}
