import { CloudApiError, reasonForMetaError, type HealthLevel, type PhoneNumberInfo, type TokenInfo, type WhatsappCloudProvider } from './cloud-api-provider';

/**
 * A deterministic stand-in for the Cloud API: the embedded default, always in sandboxes and in tests. What it
 * answers depends only on the token and the phone number id sent, so each of Meta's errors can be reached on
 * purpose. These rules are published in the API reference.
 */
export const simulatedDays = 3;

export const whatsappSimulatorRules = {
  tokens: [
    { when: 'starts with EAAsim_expired', outcome: 'token_expired: Meta error 190, subcode 463' },
    { when: 'starts with EAAsim_invalid', outcome: 'token_invalid: Meta error 190' },
    { when: 'starts with EAAsim_no_access', outcome: 'number_not_accessible: Meta error 100, subcode 33' },
    { when: 'starts with EAAsim_other_waba', outcome: 'number_not_accessible: the token is valid but reaches another business account' },
    { when: 'starts with EAAsim_no_permission', outcome: 'permission_missing: Meta error 200' },
    { when: 'starts with EAAsim_rate_limited', outcome: 'rate_limited: Meta error 80007' },
    { when: 'starts with EAAsim_not_registered', outcome: 'number_not_registered: Meta error 133010' },
    { when: 'starts with EAAsim_expiring', outcome: `linked; the token expires ${simulatedDays} days after each check` },
    { when: 'any other token', outcome: 'linked; the token never expires' },
  ],
  phoneNumbers: [
    { when: 'the id ends in 7', outcome: 'quality YELLOW, can_send_message LIMITED' },
    { when: 'the id ends in 8', outcome: 'quality RED, can_send_message BLOCKED (a WABA error explains why)' },
    { when: 'any other id', outcome: 'quality GREEN, can_send_message AVAILABLE, status CONNECTED' },
  ],
  displayNumber: 'The display number is +91 11 4310 and the id’s last four digits; the verified name is “Simulated Business” and the same four digits.',
} as const;

const magicErrors: [prefix: string, code: number, subcode: number | null][] = [
  ['EAAsim_expired', 190, 463],
  ['EAAsim_invalid', 190, null],
  ['EAAsim_no_access', 100, 33],
  ['EAAsim_no_permission', 200, null],
  ['EAAsim_rate_limited', 80007, null],
  ['EAAsim_not_registered', 133010, null],
];

const wabaOf = (phoneNumberId: string) => `sim_waba_${phoneNumberId}`;

export class WhatsappCloudSimulator implements WhatsappCloudProvider {
  readonly name = 'simulator';

  constructor(private readonly now: () => Date = () => new Date()) {}

  private magicError(token: string): CloudApiError | null {
    const match = magicErrors.find(([prefix]) => token.startsWith(prefix));
    return match ? new CloudApiError(reasonForMetaError(match[1], match[2]), match[1], match[2]) : null;
  }

  async readPhoneNumber(phoneNumberId: string, accessToken: string): Promise<PhoneNumberInfo> {
    const error = this.magicError(accessToken);
    if (error) throw error;
    const last4 = phoneNumberId.replace(/\D/g, '').slice(-4).padStart(4, '0');
    const lastDigit = phoneNumberId.at(-1);
    const [quality, level]: [string, HealthLevel] = lastDigit === '8' ? ['RED', 'BLOCKED'] : lastDigit === '7' ? ['YELLOW', 'LIMITED'] : ['GREEN', 'AVAILABLE'];
    const wabaErrors = level === 'BLOCKED' ? [{ code: 141006, description: 'The business account has been restricted for policy violations.', possibleSolution: 'Review the account in WhatsApp Manager.' }] : [];
    return {
      id: phoneNumberId,
      displayPhoneNumber: `+91 11 4310 ${last4}`,
      verifiedName: `Simulated Business ${last4}`,
      qualityRating: quality,
      nameStatus: 'APPROVED',
      platformType: 'CLOUD_API',
      throughputLevel: 'STANDARD',
      status: level === 'BLOCKED' ? 'RESTRICTED' : 'CONNECTED',
      messagingLimitTier: 'TIER_1K',
      accountMode: 'LIVE',
      codeVerificationStatus: 'VERIFIED',
      canSendMessage: level,
      entities: [
        { entityType: 'PHONE_NUMBER', id: phoneNumberId, canSendMessage: level === 'LIMITED' ? 'LIMITED' : 'AVAILABLE', errors: [] },
        { entityType: 'WABA', id: wabaOf(phoneNumberId), canSendMessage: level === 'BLOCKED' ? 'BLOCKED' : 'AVAILABLE', errors: wabaErrors },
      ],
      wabaId: wabaOf(phoneNumberId),
    };
  }

  async debugToken(accessToken: string): Promise<TokenInfo> {
    const error = this.magicError(accessToken);
    const scopes = ['whatsapp_business_management', 'whatsapp_business_messaging'];
    if (error?.metaCode === 190) return { isValid: false, expiresAt: null, scopes: [], wabaIds: null, error: { code: 190, subcode: error.metaSubcode, message: error.message } };
    const expiresAt = accessToken.startsWith('EAAsim_expiring') ? new Date(this.now().getTime() + simulatedDays * 86_400_000) : null;
    return { isValid: true, expiresAt, scopes, wabaIds: accessToken.startsWith('EAAsim_other_waba') ? ['sim_waba_elsewhere'] : null, error: null };
  }
}
